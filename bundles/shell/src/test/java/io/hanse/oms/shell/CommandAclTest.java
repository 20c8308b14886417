package io.hanse.oms.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.karaf.shell.api.action.Command;
import org.junit.jupiter.api.Test;

/** Karaf leaves a command the ACL does not list open to everyone: every oms: command is listed. */
class CommandAclTest {

  @Test
  void everyCommandHasItsRolesInTheAcl() throws Exception {
    Properties acl = new Properties();
    try (Reader reader =
        Files.newBufferedReader(Path.of("src/main/cfg/org.apache.karaf.command.acl.oms.cfg"))) {
      acl.load(reader);
    }
    List<Command> commands = commands();
    assertThat(commands).hasSizeGreaterThanOrEqualTo(11);
    for (Command command : commands) {
      assertThat(command.scope()).isEqualTo("oms");
      assertThat(acl.getProperty(command.name()))
          .as("roles of oms:" + command.name())
          .isNotBlank()
          .contains("admin");
    }
    assertThat(acl.stringPropertyNames())
        .as("no ACL line for a command that does not exist")
        .containsExactlyInAnyOrderElementsOf(commands.stream().map(Command::name).toList());
  }

  private static List<Command> commands() throws IOException {
    Path classes = Path.of("target/classes/io/hanse/oms/shell");
    try (Stream<Path> files = Files.list(classes)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith("Command.class"))
          .map(n -> load("io.hanse.oms.shell." + n.substring(0, n.length() - ".class".length())))
          .map(c -> c.getAnnotation(Command.class))
          .toList();
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}

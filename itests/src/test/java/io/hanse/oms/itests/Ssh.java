package io.hanse.oms.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

/** Runs a Karaf shell command over SSH as a user, the way an operator's script would. */
final class Ssh {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  /** What a command printed, without terminal colours. */
  record Output(String out, String err) {
    String all() {
      return out + err;
    }
  }

  private Ssh() {}

  static Output run(String user, String password, String command) {
    try (SshClient client = SshClient.setUpDefaultClient()) {
      client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
      client.start();
      try (ClientSession session =
          client
              .connect(user, "127.0.0.1", HanseServer.get().sshPort())
              .verify(TIMEOUT)
              .getSession()) {
        session.addPasswordIdentity(password);
        session.auth().verify(TIMEOUT);
        try (ChannelExec exec = session.createExecChannel(command)) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          ByteArrayOutputStream err = new ByteArrayOutputStream();
          exec.setOut(out);
          exec.setErr(err);
          exec.open().verify(TIMEOUT);
          exec.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
          return new Output(plain(out), plain(err));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("ssh " + user + ": " + e.getMessage(), e);
    }
  }

  /** Whether the user may open a shell at all. */
  static boolean canLogIn(String user, String password) {
    try {
      run(user, password, "echo hello");
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  private static String plain(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8).replaceAll("\u001B\\[[;\\d]*m", "");
  }
}

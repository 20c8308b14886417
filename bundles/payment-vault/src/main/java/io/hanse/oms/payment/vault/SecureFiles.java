package io.hanse.oms.payment.vault;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only the server's account may read (600, folders 700), written whole or not at all: to a
 * temporary file in the same folder, forced to disk, then moved over the target in one step.
 */
final class SecureFiles {
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> FOLDER =
      PosixFilePermissions.fromString("rwx------");

  /** Writes the content of a file. */
  @FunctionalInterface
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private SecureFiles() {}

  static void write(Path target, Content content) throws IOException {
    Path folder = target.toAbsolutePath().getParent();
    createFolder(folder);
    Path temp =
        posix()
            ? Files.createTempFile(
                folder,
                "." + target.getFileName(),
                ".tmp",
                PosixFilePermissions.asFileAttribute(FILE))
            : Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
    try {
      ownerOnly(temp);
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
          OutputStream out = Channels.newOutputStream(channel)) {
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      move(temp, target);
      forceFolder(folder);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  static void createFolder(Path folder) throws IOException {
    if (Files.isDirectory(folder)) {
      return;
    }
    if (posix()) {
      FileAttribute<Set<PosixFilePermission>> owner = PosixFilePermissions.asFileAttribute(FOLDER);
      Files.createDirectories(folder, owner);
    } else {
      Files.createDirectories(folder);
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void ownerOnly(Path file) throws IOException {
    if (posix()) {
      Files.setPosixFilePermissions(file, FILE);
    } else {
      java.io.File f = file.toFile();
      boolean ok =
          f.setReadable(false, false)
              && f.setReadable(true, true)
              && f.setWritable(false, false)
              && f.setWritable(true, true);
      if (!ok) {
        throw new IOException("cannot restrict " + file + " to its owner");
      }
    }
  }

  /** Makes the rename itself durable; not every platform can open a folder, so best effort. */
  private static void forceFolder(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // the data is on disk; only the folder entry may not be yet
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}

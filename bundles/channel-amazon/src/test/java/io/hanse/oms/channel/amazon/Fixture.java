package io.hanse.oms.channel.amazon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The published payloads under fixtures/published, byte for byte. */
final class Fixture {
  private Fixture() {}

  static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(Path.of(System.getProperty("hanse.fixtures"), name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

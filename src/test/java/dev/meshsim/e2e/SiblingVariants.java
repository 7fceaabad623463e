package dev.meshsim.e2e;

import dev.meshsim.scenario.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A shipped scenario with some of its text replaced (the trouble's fix, say), written for a moment
 * next to the original so that its relative manifest paths still resolve, then deleted.
 */
final class SiblingVariants {
  private SiblingVariants() {}

  /** {@code path} with each {@code fromTo[i]} (which must occur) replaced by {@code fromTo[i + 1]}. */
  static Scenario load(String path, String... fromTo) {
    Path source = Path.of(path);
    try {
      String text = Files.readString(source);
      for (int i = 0; i < fromTo.length; i += 2) {
        if (!text.contains(fromTo[i])) {
          throw new AssertionError(source + " does not contain: " + fromTo[i]);
        }
        text = text.replace(fromTo[i], fromTo[i + 1]);
      }
      Path variant = Files.createTempFile(source.toAbsolutePath().getParent(), ".variant-", ".yaml");
      try {
        Files.writeString(variant, text);
        return Scenarios.load(variant.toString());
      } finally {
        Files.deleteIfExists(variant);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

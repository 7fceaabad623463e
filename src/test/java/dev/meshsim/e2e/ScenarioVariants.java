package dev.meshsim.e2e;

import dev.meshsim.scenario.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A test scenario with some of its text replaced, so one file can serve several runs. */
final class ScenarioVariants {
  private ScenarioVariants() {}

  /**
   * The scenario {@code src/test/resources/scenarios/<name>.yaml} with each {@code from[i]} (which
   * must occur) replaced by {@code to[i]}; pairs alternate: {@code from, to, from, to…}.
   */
  static Scenario test(String name, String... fromTo) {
    Path source = Path.of("src/test/resources/scenarios/" + name + ".yaml");
    try {
      String text = Files.readString(source);
      for (int i = 0; i < fromTo.length; i += 2) {
        if (!text.contains(fromTo[i])) {
          throw new AssertionError(source + " does not contain: " + fromTo[i]);
        }
        text = text.replace(fromTo[i], fromTo[i + 1]);
      }
      Path dir = Files.createDirectories(Path.of("cli/target/scenario-variants"));
      Path variant = Files.createTempFile(dir, name + "-", ".yaml");
      Files.writeString(variant, text);
      try {
        return Scenarios.load(variant.toString());
      } finally {
        Files.deleteIfExists(variant);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

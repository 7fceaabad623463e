package dev.meshsim.e2e;

import dev.meshsim.scenario.Scenario;
import dev.meshsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Scenarios for the timeline tests: a base file from src/test/resources/scenarios/timeline plus a
 * block of YAML, written with the change files next to it into a temporary directory.
 */
final class TimelineScenarios {
  static final Path DIR = Path.of("src/test/resources/scenarios/timeline");

  private TimelineScenarios() {}

  static Scenario load(Path tmp, String base, String extra) {
    try {
      try (Stream<Path> files = Files.list(DIR)) {
        for (Path f : files.toList()) {
          Files.copy(f, tmp.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
      Path file = tmp.resolve("scenario-under-test.yaml");
      Files.writeString(file, Files.readString(DIR.resolve(base)) + "\n" + extra);
      return ScenarioLoader.load(file).scenario();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new AssertionError("cannot load " + base + " + " + extra + ": " + e.getMessage(), e);
    }
  }
}

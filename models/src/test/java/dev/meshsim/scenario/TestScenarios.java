package dev.meshsim.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes scenario text to a file and loads it, for tests that need a file of their own. */
final class TestScenarios {

  /** A valid scenario to which tests append blocks (istio:, more services…). */
  static final String MINIMAL = """
      duration: 10s
      services:
        - name: reviews
          ports: [{name: http, port: 9080}]
          deployments:
            - {name: reviews-v1, labels: {app: reviews, version: v1}, serviceTime: 10ms}
            - {name: reviews-v2, labels: {app: reviews, version: v2}, serviceTime: 10ms}
        - name: ratings
          ports: [{name: http, port: 9080}, {name: grpc, port: 9090}]
          deployments:
            - {name: ratings-v1, serviceTime: 1ms}
      load:
        - {name: users, target: reviews, arrival: {poisson: 10/s}}
      """;

  private TestScenarios() {}

  static Path write(Path dir, String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static LoadedScenario load(Path dir, String text) throws ScenarioException {
    return ScenarioLoader.load(write(dir, "s.yaml", text));
  }

  /** The scenario of {@code text}, which must load. */
  static Scenario errorFree(Path dir, String text) {
    try {
      return load(dir, text).scenario();
    } catch (ScenarioException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** The error loading {@code text}; also checks that it is one paragraph. */
  static ScenarioException error(Path dir, String text) {
    ScenarioException e = assertThrows(ScenarioException.class, () -> load(dir, text));
    assertFalse(e.getMessage().contains("\n"), "one paragraph: " + e.getMessage());
    return e;
  }
}

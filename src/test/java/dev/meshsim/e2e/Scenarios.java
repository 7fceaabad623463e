package dev.meshsim.e2e;

import dev.meshsim.mesh.MeshSimulation;
import dev.meshsim.result.RunResult;
import dev.meshsim.scenario.Scenario;
import dev.meshsim.scenario.ScenarioLoader;
import java.nio.file.Path;

/** Loads and runs the scenarios the end-to-end tests use (paths relative to the repository root). */
final class Scenarios {
  private Scenarios() {}

  static Scenario load(String path) {
    try {
      return ScenarioLoader.load(Path.of(path)).scenario();
    } catch (Exception e) {
      throw new AssertionError("cannot load " + path + ": " + e.getMessage(), e);
    }
  }

  /** A scenario from src/test/resources/scenarios. */
  static Scenario test(String name) {
    return load("src/test/resources/scenarios/" + name + ".yaml");
  }

  static RunResult run(Scenario scenario) {
    return MeshSimulation.run(scenario);
  }
}

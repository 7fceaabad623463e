package dev.meshsim.scenario;

import dev.meshsim.yaml.SourceFile;
import java.util.List;

/**
 * A loaded scenario, the warnings found while loading it, and every file it was read from.
 * Warnings name Istio kinds and fields meshsim reads but does not model yet, and references that
 * will fail at run time (a subset no DestinationRule defines); each is one line, {@code
 * file:line:col: path: message}.
 *
 * @param inputs every file the loader read (the scenario, {@code istioFiles}, timeline applies, any
 *     later input kind), with its identity: no output of the run may replace one of them
 */
public record LoadedScenario(Scenario scenario, List<String> warnings, List<SourceFile> inputs) {

  public LoadedScenario {
    warnings = List.copyOf(warnings);
    inputs = List.copyOf(inputs);
  }

  /** A scenario that was not read from files (built by a test or a tool). */
  public LoadedScenario(Scenario scenario, List<String> warnings) {
    this(scenario, warnings, List.of());
  }
}

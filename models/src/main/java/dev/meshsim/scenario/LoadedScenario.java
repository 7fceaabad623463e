package dev.meshsim.scenario;

import java.util.List;

/**
 * A loaded scenario and the warnings found while loading it: Istio kinds and fields meshsim reads
 * but does not model yet, and references that will fail at run time (a subset no DestinationRule
 * defines). Each warning is one line, {@code file:line:col: path: message}.
 */
public record LoadedScenario(Scenario scenario, List<String> warnings) {

  public LoadedScenario {
    warnings = List.copyOf(warnings);
  }
}

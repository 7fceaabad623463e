package dev.meshsim.scenario;

import java.util.List;

/**
 * A loaded scenario and the warnings found while loading it: Istio kinds and fields meshsim reads
 * but does not model yet, and references that will fail at run time (a subset no DestinationRule
 * defines). Each warning is one line, {@code file:line:col: path: message}. Info lines, in the same
 * form, say what was done as a user would expect but may want to know (a later file replacing an
 * object, a namespace taken as labelled for injection).
 */
public record LoadedScenario(Scenario scenario, List<String> warnings, List<String> infos) {

  public LoadedScenario {
    warnings = List.copyOf(warnings);
    infos = List.copyOf(infos);
  }

  /** A loaded scenario without info lines. */
  public LoadedScenario(Scenario scenario, List<String> warnings) {
    this(scenario, warnings, List.of());
  }
}

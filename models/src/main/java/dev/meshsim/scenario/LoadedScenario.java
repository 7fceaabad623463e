package dev.meshsim.scenario;

import dev.meshsim.yaml.SourceFile;
import java.util.List;

/**
 * A loaded scenario, what was found while loading it, and every file it was read from.
 *
 * @param warnings Istio kinds and fields meshsim reads but does not model yet, and references that
 *     will fail at run time (a subset no DestinationRule defines); each one line, {@code
 *     file:line:col: path: message}
 * @param infos lines in the same form saying what was done as a user would expect but may want to
 *     know (a later file replacing an object, a namespace taken as labelled for injection)
 * @param inputs every file the loader read (the scenario, {@code istioFiles}, {@code
 *     kubernetesFiles}, timeline applies, any later input kind), with its identity: no output of
 *     the run may replace one of them
 */
public record LoadedScenario(Scenario scenario, List<String> warnings, List<String> infos,
    List<SourceFile> inputs) {

  public LoadedScenario {
    warnings = List.copyOf(warnings);
    infos = List.copyOf(infos);
    inputs = List.copyOf(inputs);
  }

  /** A scenario that was not read from files (built by a test or a tool), without info lines. */
  public LoadedScenario(Scenario scenario, List<String> warnings) {
    this(scenario, warnings, List.of(), List.of());
  }
}

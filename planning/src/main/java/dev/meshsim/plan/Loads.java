package dev.meshsim.plan;

import dev.meshsim.scenario.LoadSpec;
import dev.meshsim.scenario.Scenario;
import java.util.List;

/** Finding the load a question names, with an error that lists the scenario's loads. */
public final class Loads {
  private Loads() {}

  /**
   * The load named {@code name}; with {@code name} null, the scenario's only load.
   *
   * @param question the command, for the message when the load must be named
   */
  public static LoadSpec find(Scenario scenario, String name, String question) {
    List<String> names = scenario.loads().stream().map(LoadSpec::name).toList();
    if (name == null) {
      if (scenario.loads().size() == 1) {
        return scenario.loads().get(0);
      }
      throw new PlanInputException(question + ": the scenario has " + names.size() + " loads (" + String.join(", ", names)
          + "); name the one to scale with --load NAME.");
    }
    return scenario.loads().stream().filter(l -> l.name().equals(name)).findFirst()
        .orElseThrow(() -> new PlanInputException("--load " + name + ": the scenario has no load of that name;"
            + " its loads are " + String.join(", ", names) + "."));
  }

  /** Checks that {@code name} (if given) is one of the scenario's loads. */
  public static void check(Scenario scenario, String name) {
    if (name != null) {
      find(scenario, name, "plan");
    }
  }
}

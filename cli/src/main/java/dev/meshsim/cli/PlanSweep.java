package dev.meshsim.cli;

import dev.meshsim.plan.Parameter;
import dev.meshsim.plan.PlanResult;
import dev.meshsim.plan.Planner;
import dev.meshsim.plan.Question;
import dev.meshsim.plan.SetArgument;
import dev.meshsim.plan.SweepGrid;
import dev.meshsim.scenario.Scenario;
import dev.meshsim.scenario.ScenarioException;
import dev.meshsim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code meshsim plan sweep}: every point of a grid of scenario values. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = "Every combination of the --set values, each with replications and 95%% intervals.")
final class PlanSweep extends PlanQuestionCommand {
  @Option(names = "--set", required = true, paramLabel = "PATH=V1,V2",
      description = "A scenario value to vary, by its field path, e.g."
          + " istio[0].spec.trafficPolicy.connectionPool.http.http1MaxPendingRequests=1,2,4,8.")
  List<String> sets = new ArrayList<>();

  @Override
  Question question() {
    return Question.SWEEP;
  }

  @Override
  Parameter parameter(Scenario base) throws ScenarioException {
    List<SetArgument> parsed = sets.stream().map(SetArgument::parse).toList();
    return SweepGrid.of(parsed, edits -> options.adjust(ScenarioLoader.load(options.scenarioFile, edits).scenario()));
  }

  @Override
  PlanResult search(Planner planner, Parameter parameter) {
    return planner.sweep((SweepGrid) parameter);
  }

  @Override
  List<Long> shardKeys(Parameter parameter) {
    List<Long> keys = new ArrayList<>();
    for (long k = 0; k < ((SweepGrid) parameter).size(); k++) {
      keys.add(k);
    }
    return keys;
  }

  @Override
  List<String> ownArguments() {
    List<String> a = new ArrayList<>();
    sets.forEach(s -> a.addAll(List.of("--set", s)));
    return a;
  }
}

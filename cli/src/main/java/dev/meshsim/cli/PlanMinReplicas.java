package dev.meshsim.cli;

import dev.meshsim.plan.Parameter;
import dev.meshsim.plan.PlanInputException;
import dev.meshsim.plan.PlanResult;
import dev.meshsim.plan.Planner;
import dev.meshsim.plan.Question;
import dev.meshsim.plan.Range;
import dev.meshsim.plan.Replicas;
import dev.meshsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code meshsim plan min-replicas}: the fewest replicas that meet the SLO. */
@Command(name = "min-replicas", mixinStandardHelpOptions = true,
    description = "The fewest replicas of a Deployment that meet the SLO at the scenario's load (bisection).")
final class PlanMinReplicas extends PlanQuestionCommand {
  @Option(names = "--deployment", required = true, paramLabel = "NAME", description = "The Deployment to scale.")
  String deployment;

  @Option(names = "--range", paramLabel = "LO..HI", defaultValue = "1..32", description = "Replica counts to"
      + " consider (default ${DEFAULT-VALUE}).")
  String range;

  @Override
  Question question() {
    return Question.MIN_REPLICAS;
  }

  /** More pods than one simulation should hold. */
  static final long MAX_REPLICAS = 10_000;

  @Override
  Parameter parameter(Scenario base) {
    Range r = Range.parse(range, true);
    if (r.hi() > MAX_REPLICAS) {
      throw new PlanInputException("--range '" + range + "': at most " + MAX_REPLICAS + " replicas.");
    }
    return Replicas.of(base, deployment);
  }

  @Override
  PlanResult search(Planner planner, Parameter parameter) {
    Range r = Range.parse(range, true);
    return planner.minReplicas((Replicas) parameter, (long) r.lo(), (long) r.hi());
  }

  @Override
  List<Long> shardKeys(Parameter parameter) {
    Range r = Range.parse(range, true);
    List<Long> keys = new ArrayList<>();
    for (long n = (long) r.lo(); n <= (long) r.hi(); n++) {
      keys.add(n);
    }
    return keys;
  }

  @Override
  List<String> ownArguments() {
    return List.of("--deployment", deployment, "--range", range);
  }
}

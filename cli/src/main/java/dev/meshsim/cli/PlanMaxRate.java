package dev.meshsim.cli;

import dev.meshsim.plan.LoadRate;
import dev.meshsim.plan.Parameter;
import dev.meshsim.plan.PlanInputException;
import dev.meshsim.plan.PlanResult;
import dev.meshsim.plan.Planner;
import dev.meshsim.plan.Question;
import dev.meshsim.plan.Range;
import dev.meshsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code meshsim plan max-rate}: the highest load that meets the SLO. */
@Command(name = "max-rate", mixinStandardHelpOptions = true,
    description = "The highest arrival rate (or connection count) of a load that meets the SLO:"
        + " exponential search, then bisection to --precision.")
final class PlanMaxRate extends PlanQuestionCommand {
  @Option(names = "--precision", paramLabel = "X%", defaultValue = "2%", description = "Bracket the answer"
      + " this closely (default ${DEFAULT-VALUE}).")
  String precision;

  @Option(names = "--range", paramLabel = "LO..HI", description = "Search only rates (connections) in this"
      + " range; needed with --shard.")
  String range;

  @Override
  Question question() {
    return Question.MAX_RATE;
  }

  @Override
  Parameter parameter(Scenario base) {
    return LoadRate.of(base, options.load, PlanOptions.percent("--precision", precision),
        range == null ? null : Range.parse(range, false));
  }

  @Override
  PlanResult search(Planner planner, Parameter parameter) {
    return planner.maxRate((LoadRate) parameter);
  }

  @Override
  List<Long> shardKeys(Parameter parameter) {
    if (range == null) {
      throw new PlanInputException("max-rate --shard needs --range LO..HI: the shards compute every point"
          + " the search could visit, so the search must be bounded.");
    }
    LoadRate rate = (LoadRate) parameter;
    List<Long> keys = new ArrayList<>();
    for (long k = rate.min(); k <= rate.max(); k++) {
      keys.add(k);
    }
    return keys;
  }

  @Override
  List<String> ownArguments() {
    List<String> a = new ArrayList<>(List.of("--precision", precision));
    if (range != null) {
      a.addAll(List.of("--range", range));
    }
    return a;
  }
}

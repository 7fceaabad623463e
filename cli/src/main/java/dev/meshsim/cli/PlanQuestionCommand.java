package dev.meshsim.cli;

import dev.meshsim.plan.Parameter;
import dev.meshsim.plan.PlanResult;
import dev.meshsim.plan.Planner;
import dev.meshsim.plan.Question;
import dev.meshsim.scenario.Scenario;
import dev.meshsim.scenario.ScenarioException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What each {@code meshsim plan} question supplies; {@link PlanExecution} does the rest. */
abstract class PlanQuestionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin PlanOptions options = new PlanOptions();

  abstract Question question();

  /** What this question varies, over {@code base} (which has --seed and --duration applied). */
  abstract Parameter parameter(Scenario base) throws ScenarioException;

  /** The search. */
  abstract PlanResult search(Planner planner, Parameter parameter);

  /** Every key a search could visit, for shards (an error if the search is unbounded). */
  abstract List<Long> shardKeys(Parameter parameter);

  /** This question's own options, canonical, for shard files and Job manifests. */
  abstract List<String> ownArguments();

  @Override
  public Integer call() throws Exception {
    return PlanExecution.run(this, spec.commandLine());
  }
}

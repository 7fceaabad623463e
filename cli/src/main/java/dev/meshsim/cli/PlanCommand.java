package dev.meshsim.cli;

import picocli.CommandLine.Command;

/** {@code meshsim plan}: capacity questions answered from config, with confidence intervals. */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Answer a capacity question under an SLO: max-rate, min-replicas or sweep."
        + " Exit 0 with an answer, 3 when no value in range meets the SLO, 2 on bad input.",
    subcommands = {PlanMaxRate.class, PlanMinReplicas.class, PlanSweep.class})
final class PlanCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "name a question: max-rate, min-replicas or sweep");
  }
}

package dev.meshsim.cli;

import dev.meshsim.scenario.Durations;
import dev.meshsim.scenario.ScenarioLoader;
import dev.meshsim.testkit.MeshPolicies;
import dev.meshsim.testkit.PolicyException;
import dev.meshsim.testkit.diff.ConfigDiff;
import dev.meshsim.testkit.diff.ConfigSource;
import dev.meshsim.testkit.diff.DiffReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code meshsim diff OLD NEW}: what a config change does to users. Exit as diff(1): 0 nothing
 * differs, 1 some request class changes destination or some simulated figure differs
 * significantly, 2 bad input.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = "Compare two configs (scenario files, or manifest files/directories applied over --scenario): "
        + "request classes that change destination, and every load simulated before and after.")
final class DiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OLD", description = "The old config: a scenario, a manifest file or a directory.")
  Path oldConfig;

  @Parameters(index = "1", paramLabel = "NEW", description = "The new config, likewise.")
  Path newConfig;

  @Option(names = "--scenario", paramLabel = "S", description = "The scenario (default: OLD, if it is one).")
  Path scenario;

  @Option(names = "--duration", paramLabel = "D", description = "Simulated time per replication (default 10s).")
  String duration = "10s";

  @Option(names = "--replications", paramLabel = "N", description = "Seeds per side (default 5).")
  int replications = 5;

  @Option(names = "--verbose", description = "Show stack traces on errors.")
  boolean verbose;

  @Override
  public Integer call() {
    if (replications < 1 || replications > 30) {
      throw new BadInputException("--replications: expected 1 to 30, got " + replications, null);
    }
    long nanos;
    try {
      nanos = Durations.parseNanos(duration);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--duration: " + e.getMessage(), e);
    }
    String tooLong = ScenarioLoader.durationProblem(nanos);
    if (tooLong != null) {
      throw new BadInputException("--duration " + duration + ": " + tooLong, null);
    }
    DiffReport report;
    try {
      Path base = scenario != null ? scenario : oldConfig;
      if (scenario == null && !ConfigSource.isScenario(oldConfig)) {
        throw new BadInputException(oldConfig + ": not a scenario; give the scenario with --scenario", null);
      }
      MeshPolicies mesh = MeshPolicies.load(base);
      report = ConfigDiff.run(ConfigSource.load(oldConfig, mesh), ConfigSource.load(newConfig, mesh), nanos,
          replications);
    } catch (PolicyException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(report.render());
    out.flush();
    boolean differs = !report.routeChanges().isEmpty()
        || report.loads().stream().anyMatch(l -> l.metrics().stream().anyMatch(DiffReport.Metric::significant));
    return differs ? 1 : 0;
  }
}

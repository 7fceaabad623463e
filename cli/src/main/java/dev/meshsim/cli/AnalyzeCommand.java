package dev.meshsim.cli;

import dev.meshsim.scenario.Durations;
import dev.meshsim.scenario.ScenarioLoader;
import dev.meshsim.testkit.MeshPolicies;
import dev.meshsim.testkit.PolicyException;
import dev.meshsim.testkit.analyze.Analysis;
import dev.meshsim.testkit.analyze.Finding;
import dev.meshsim.testkit.analyze.FindingFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code meshsim analyze SCENARIO}: istioctl analyze's messages for the scenario's config, each with
 * meshsim's predicted impact. Exit 0 no Error, 79 Errors found (as istioctl analyze), 2 bad input.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = "Find config problems (istioctl analyze's codes and format) and predict what each does to traffic.")
final class AnalyzeCommand implements Callable<Integer> {
  static final int EXIT_ERRORS_FOUND = 79;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario YAML file.")
  Path scenarioFile;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "text (istioctl's log), json or yaml.")
  String output = "text";

  @Option(names = "--impact-duration", paramLabel = "D", description = "Simulated time behind the predictions (default 5s).")
  String impactDuration = "5s";

  @Option(names = "--no-impact", description = "Do not simulate: no predictions, no load findings (MSH0002-4).")
  boolean noImpact;

  @Option(names = "--verbose", description = "Show stack traces on errors.")
  boolean verbose;

  @Override
  public Integer call() {
    if (!List.of("text", "log", "json", "yaml").contains(output)) {
      throw new BadInputException("--output: expected text, log, json or yaml, got \"" + output + "\"", null);
    }
    long nanos;
    try {
      nanos = Durations.parseNanos(impactDuration);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--impact-duration: " + e.getMessage(), e);
    }
    String tooLong = ScenarioLoader.durationProblem(nanos);
    if (tooLong != null) {
      throw new BadInputException("--impact-duration " + impactDuration + ": " + tooLong, null);
    }
    MeshPolicies mesh;
    try {
      mesh = MeshPolicies.load(scenarioFile);
    } catch (PolicyException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    List<Finding> findings = Analysis.run(mesh, nanos, !noImpact);
    PrintWriter out = spec.commandLine().getOut();
    var version = mesh.scenario().istioVersion();
    out.print(switch (output) {
      case "json" -> FindingFormat.json(findings, version);
      case "yaml" -> FindingFormat.yaml(findings, version);
      default -> FindingFormat.text(findings, mesh.scenario().name());
    });
    out.flush();
    return Analysis.hasErrors(findings) ? EXIT_ERRORS_FOUND : 0;
  }
}

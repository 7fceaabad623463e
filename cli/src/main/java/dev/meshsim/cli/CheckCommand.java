package dev.meshsim.cli;

import dev.meshsim.testkit.MeshPolicies;
import dev.meshsim.testkit.PolicyException;
import dev.meshsim.testkit.check.CheckReport;
import dev.meshsim.testkit.check.CheckRunner;
import dev.meshsim.testkit.check.RouteTestFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code meshsim check TESTS.yaml}: route tests in router_check_tool's file shape against a
 * scenario's policies. Exit 0 all pass, 1 a test failed or coverage is under {@code --fail-under},
 * 2 bad input.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Run route tests (router_check_tool's test-file shape, YAML or JSON) against a scenario.")
final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TESTS", description = "The route-test file (YAML or JSON).")
  Path testFile;

  @Option(names = "--scenario", paramLabel = "S", description = "The scenario (default: the file's 'scenario' key).")
  Path scenario;

  @Option(names = {"-f", "--fail-under"}, paramLabel = "PCT",
      description = "Fail when route coverage is under PCT percent.")
  double failUnder;

  @Option(names = "--covall", description = "Count a route covered only when its cluster and virtual host are "
      + "asserted; list the routes no test covers.")
  boolean covall;

  @Option(names = {"-d", "--details"}, description = "Print every test's name (failures on standard error).")
  boolean details;

  @Option(names = "--only-show-failures", description = "Print failed tests only (the default without --details).")
  boolean onlyShowFailures;

  @Option(names = "--verbose", description = "Show stack traces on errors.")
  boolean verbose;

  @Override
  public Integer call() {
    if (failUnder < 0 || failUnder > 100) {
      throw new BadInputException("--fail-under: expected a percentage in [0, 100], got " + failUnder, null);
    }
    CheckReport report;
    try {
      report = CheckRunner.run(RouteTestFile.read(testFile, scenario, MeshPolicies::load), covall);
    } catch (PolicyException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    CheckReport.Printout printed = report.print(details, onlyShowFailures, failUnder);
    PrintWriter out = spec.commandLine().getOut();
    out.print(printed.out());
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    err.print(printed.err());
    err.flush();
    return report.passed(failUnder) ? 0 : 1;
  }
}

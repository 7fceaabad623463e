package dev.meshsim.cli;

import dev.meshsim.mesh.MeshSimulation;
import dev.meshsim.report.JsonReport;
import dev.meshsim.report.TextSummary;
import dev.meshsim.result.RunResult;
import dev.meshsim.scenario.Durations;
import dev.meshsim.scenario.LoadedScenario;
import dev.meshsim.scenario.Scenario;
import dev.meshsim.scenario.ScenarioException;
import dev.meshsim.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code meshsim run SCENARIO}: simulate one scenario and print what users would see. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run a scenario and print a fortio-style summary.")
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario YAML file.")
  Path scenarioFile;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
  Path jsonFile;

  @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's seed.")
  Long seed;

  @Option(names = "--duration", paramLabel = "D", description = "Override the duration (e.g. 30s, 2m).")
  String duration;

  @Option(names = "--stats", description = "Print wall-clock speed and peak heap to stderr.")
  boolean stats;

  @Option(names = "--verbose", description = "Show stack traces on errors.")
  boolean verbose;

  @picocli.CommandLine.Mixin InspectRunOptions inspect;

  @Override
  public Integer call() throws Exception {
    LoadedScenario loaded = load();
    PrintWriter err = spec.commandLine().getErr();
    loaded.warnings().forEach(w -> err.println("meshsim: warning: " + w));
    loaded.infos().forEach(i -> err.println("meshsim: info: " + i));
    Scenario scenario = overridden(loaded.scenario());
    OutputFiles.checkWritable(jsonFile, List.of(scenarioFile.toAbsolutePath().normalize()));

    RunStopwatch watch = new RunStopwatch();
    MeshSimulation simulation = new MeshSimulation(scenario);
    Runnable snapshots = inspect.attach(simulation, scenario);
    RunResult result = simulation.run();
    snapshots.run();
    watch.stop();

    PrintWriter out = spec.commandLine().getOut();
    out.print(TextSummary.render(result));
    out.flush();
    if (jsonFile != null) {
      OutputFiles.writeAtomically(jsonFile, JsonReport.toJson(result));
    }
    if (stats) {
      err.println(watch.describe(result, simulation.eventsFired()));
    }
    err.flush();
    return 0;
  }

  private LoadedScenario load() {
    try {
      return ScenarioLoader.load(scenarioFile);
    } catch (ScenarioException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }

  private Scenario overridden(Scenario scenario) {
    Scenario s = seed == null ? scenario : scenario.withSeed(seed);
    if (duration != null) {
      long nanos;
      try {
        nanos = Durations.parseNanos(duration);
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--duration: " + e.getMessage(), e);
      }
      if (nanos <= s.warmupNanos()) {
        throw new BadInputException("--duration " + duration + " must be longer than the warmup ("
            + Durations.format(s.warmupNanos()) + ")", null);
      }
      s = s.withDuration(nanos);
    }
    return s;
  }
}

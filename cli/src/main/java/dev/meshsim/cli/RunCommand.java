package dev.meshsim.cli;

import dev.meshsim.mesh.MeshSimulation;
import dev.meshsim.report.JsonReport;
import dev.meshsim.report.TextSummary;
import dev.meshsim.report.html.ReportContext;
import dev.meshsim.result.RunResult;
import dev.meshsim.scenario.Durations;
import dev.meshsim.scenario.LoadedScenario;
import dev.meshsim.scenario.Scenario;
import dev.meshsim.scenario.ScenarioException;
import dev.meshsim.scenario.ScenarioLoader;
import dev.meshsim.text.SafeText;
import dev.meshsim.yaml.ReadLimits;
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

  @Option(names = "--max-input-size", paramLabel = "SIZE", defaultValue = "64MiB",
      description = "Largest input file read (default ${DEFAULT-VALUE}); e.g. 200MiB.")
  String maxInputSize;

  @picocli.CommandLine.Mixin final ReportOutputs reports = new ReportOutputs();

  @picocli.CommandLine.Mixin InspectRunOptions inspect;

  @Override
  public Integer call() throws Exception {
    LoadedScenario loaded = load();
    PrintWriter err = spec.commandLine().getErr();
    loaded.warnings().forEach(w -> err.println("meshsim: warning: " + SafeText.escape(w)));
    loaded.infos().forEach(i -> err.println("meshsim: info: " + SafeText.escape(i)));
    Scenario scenario = overridden(loaded.scenario());
    OutputFiles.Output json = jsonFile == null ? null : new OutputFiles.Output(jsonFile, OutputFiles.Mark.JSON_FIELD);
    reports.check(scenario, loaded.inputs(), json, inspect.dir);

    RunStopwatch watch = new RunStopwatch();
    MeshSimulation simulation = new MeshSimulation(scenario);
    Progress progress = Progress.stderrIsTerminal()
        ? new Progress(err, scenario.warmupNanos(), scenario.durationNanos()) : null;
    RunResult result;
    try (ReportOutputs outputs = reports) {
      var listener = reports.listener(scenario, progress);
      if (listener != null) {
        simulation.observeRequests(listener);
      }
      var accessLog = reports.accessLogListener(scenario);
      if (accessLog != null) {
        simulation.observeAccessLog(accessLog);
      }
      Runnable snapshots = inspect.attach(simulation, scenario);
      result = simulation.run();
      snapshots.run();
      watch.stop();
      if (progress != null) {
        progress.done();
      }
      writeOutputs(scenario, result, json);
    }

    if (stats) {
      err.println(watch.describe(result, simulation.eventsFired()));
    }
    err.flush();
    return 0;
  }

  private void writeOutputs(Scenario scenario, RunResult result, OutputFiles.Output json) throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    out.print(TextSummary.render(result));
    out.flush();
    if (json != null) {
      OutputFiles.write(json, JsonReport.toJson(result));
    }
    reports.write(scenario, result, new ReportContext(commandLine(), Main.VERSION,
        scenario.istioVersion().toString(), ReportContext.DEFAULT_TOP_N));
  }

  /** The command as typed, for the report header (arguments quoted as a shell would need). */
  private String commandLine() {
    StringBuilder s = new StringBuilder("meshsim");
    for (String arg : spec.commandLine().getParseResult().originalArgs()) {
      s.append(' ').append(arg.matches("[A-Za-z0-9_./:=,@%+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
    }
    return s.toString();
  }

  private LoadedScenario load() {
    try {
      return ScenarioLoader.load(scenarioFile, ReadLimits.DEFAULT.withMaxFileBytes(InputSize.parse(maxInputSize)));
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
      try {
        s = ScenarioLoader.withDuration(s, nanos);
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--duration " + duration + ": " + e.getMessage(), e);
      }
    }
    return s;
  }
}

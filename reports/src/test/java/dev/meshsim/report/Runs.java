package dev.meshsim.report;

import dev.meshsim.mesh.MeshSimulation;
import dev.meshsim.report.series.SeriesRecorder;
import dev.meshsim.result.FinishedRequest;
import dev.meshsim.result.RequestListener;
import dev.meshsim.result.RunResult;
import dev.meshsim.scenario.Scenario;
import dev.meshsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real runs of the shipped scenarios, with the listeners the report outputs use. */
public final class Runs {
  /** A finished run and its series. */
  public record Recorded(Scenario scenario, RunResult result, SeriesRecorder series) {}

  private Runs() {}

  /** Loads {@code scenarios/<name>.yaml} (relative to the repository root), shortened to {@code seconds}. */
  public static Scenario scenario(String name, long seconds) throws Exception {
    Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", name + ".yaml")).scenario();
    return seconds > 0 ? s.withDuration(seconds * 1_000_000_000L) : s;
  }

  /** Runs {@code scenario} with a series recorder (1 s buckets unless the scenario says otherwise) and {@code more}. */
  public static Recorded run(Scenario scenario, RequestListener... more) {
    return run(scenario, null, more);
  }

  /** As {@link #run(Scenario, RequestListener...)}, with every sidecar's access-log entries to {@code log}. */
  public static Recorded run(Scenario scenario, dev.meshsim.result.ProxyLogListener log, RequestListener... more) {
    SeriesRecorder series = new SeriesRecorder(scenario.warmupNanos(), scenario.timeline().bucketNanos(), true);
    List<RequestListener> all = new ArrayList<>(List.of(series));
    all.addAll(List.of(more));
    MeshSimulation sim = new MeshSimulation(scenario);
    sim.observeRequests((FinishedRequest r) -> all.forEach(l -> l.finished(r)));
    if (log != null) {
      sim.observeAccessLog(log);
    }
    RunResult result = sim.run();
    series.finish(result.simulatedEndNanos());
    return new Recorded(scenario, result, series);
  }
}

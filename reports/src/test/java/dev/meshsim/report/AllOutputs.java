package dev.meshsim.report;

import dev.meshsim.report.accesslog.AccessLogWriter;
import dev.meshsim.report.csv.CsvFiles;
import dev.meshsim.report.fortio.ErrorHistograms;
import dev.meshsim.report.fortio.FortioJson;
import dev.meshsim.report.fortio.LoadDescription;
import dev.meshsim.report.hgrm.HgrmFiles;
import dev.meshsim.report.html.HtmlReport;
import dev.meshsim.report.html.ReportContext;
import dev.meshsim.report.prometheus.IstioMetrics;
import dev.meshsim.report.prometheus.PrometheusText;
import dev.meshsim.scenario.LoadSpec;
import dev.meshsim.scenario.Scenario;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** One real run rendered in every format, by file name, as {@code meshsim run} would write them. */
public final class AllOutputs {
  /** The run, what its listeners gathered, and every file rendered from them. */
  public record Rendered(Runs.Recorded run, ErrorHistograms errors, IstioMetrics metrics, String accessLog,
      Map<String, String> files) {
    /** Renders every file again from the same run (for checks that rendering alone is deterministic). */
    public Map<String, String> renderAgain() {
      return render(run, errors, metrics, accessLog);
    }
  }

  private AllOutputs() {}

  public static Rendered of(Scenario scenario, double accessLogRate) {
    ErrorHistograms errors = new ErrorHistograms();
    IstioMetrics metrics = new IstioMetrics();
    StringWriter log = new StringWriter();
    AccessLogWriter access = new AccessLogWriter(log, accessLogRate, scenario.seed());
    Runs.Recorded run = Runs.run(scenario, access, errors, metrics);
    return new Rendered(run, errors, metrics, log.toString(), render(run, errors, metrics, log.toString()));
  }

  static Map<String, String> render(Runs.Recorded run, ErrorHistograms errors, IstioMetrics metrics, String log) {
    Scenario scenario = run.scenario();
    Map<String, String> files = new LinkedHashMap<>();
    files.put("report.json", JsonReport.toJson(run.result()));
    files.put("report.html", HtmlReport.render(run.result(), run.series(),
        new ReportContext("meshsim run " + scenario.name(), "test", scenario.istioVersion().toString(), 6)));
    files.putAll(CsvFiles.render(run.result(), run.series()));
    for (LoadSpec load : scenario.loads()) {
      var stats = run.result().loads().get(load.name());
      files.put(load.name() + ".hgrm", HgrmFiles.percentileDistribution(stats.latency()));
      files.put(load.name() + ".hlog", HgrmFiles.intervalLog(scenario.name(), load.name(),
          run.series().loads().get(load.name())));
      files.put(load.name() + ".fortio.json", FortioJson.toJson(run.result(), describe(scenario, load),
          errors.of(load.name()), "meshsim-test"));
    }
    files.put("metrics.prom", PrometheusText.render(run.result(), metrics));
    files.put("access.log", log);
    return files;
  }

  /**
   * The load in fortio's terms, built as {@code meshsim run --fortio-json} builds it ({@code
   * ReportOutputs.describe}, which this module cannot call: the cli depends on it): fortio's {@code
   * -qps} and {@code -c} come from the arrival itself, so the two cannot read an arrival differently.
   */
  static LoadDescription describe(Scenario scenario, LoadSpec load) {
    return new LoadDescription(load.name(), "http://" + load.request().authority() + load.request().path(),
        load.arrival().requestedQps(), load.arrival().connections(), load.maxRequests(), scenario.durationNanos());
  }
}

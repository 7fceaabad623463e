package dev.meshsim.cli;

import dev.meshsim.report.accesslog.AccessLogWriter;
import dev.meshsim.result.ProxyLogListener;
import dev.meshsim.report.csv.CsvFiles;
import dev.meshsim.report.fortio.ErrorHistograms;
import dev.meshsim.report.fortio.FortioJson;
import dev.meshsim.report.fortio.LoadDescription;
import dev.meshsim.report.hgrm.HgrmFiles;
import dev.meshsim.report.html.HtmlReport;
import dev.meshsim.report.html.ReportContext;
import dev.meshsim.report.prometheus.IstioMetrics;
import dev.meshsim.report.prometheus.PrometheusText;
import dev.meshsim.report.series.SeriesRecorder;
import dev.meshsim.result.RequestListener;
import dev.meshsim.result.RunResult;
import dev.meshsim.scenario.LoadSpec;
import dev.meshsim.scenario.Scenario;
import dev.meshsim.yaml.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The report files {@code meshsim run} can write besides the text summary and {@code --json}. Checks
 * every target before the run (exit 2, nothing written), listens to the run's finished requests,
 * and writes each file atomically afterwards; the access log streams into its temporary file during
 * the run and is moved into place at the end. Each file carries the {@link OutputFiles.Mark} its
 * format allows, so that a later run replaces it and nothing else.
 */
final class ReportOutputs implements AutoCloseable {
  /** The most points a time chart gets; longer runs widen the bucket (a multiple of report.bucket). */
  static final int MAX_POINTS = 240;

  @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML report.")
  Path html;

  @Option(names = "--csv", paramLabel = "DIR", description = "Also write CSV files (time series, clusters, convergence).")
  Path csvDir;

  @Option(names = "--hgrm", paramLabel = "DIR", description = "Also write HdrHistogram .hgrm and .hlog files per load.")
  Path hgrmDir;

  @Option(names = "--fortio-json", paramLabel = "DIR", description = "Also write one fortio result JSON per load.")
  Path fortioDir;

  @Option(names = "--prometheus", paramLabel = "FILE", description = "Also write Istio metrics in Prometheus text format.")
  Path prometheus;

  @Option(names = "--access-log", paramLabel = "FILE", description = "Also write every sidecar's access-log lines (Istio's default format).")
  Path accessLog;

  @Option(names = "--access-log-sample", paramLabel = "R", description = "Log this fraction of requests, in (0, 1] (default 1).")
  Double accessLogSample;

  @Option(names = "--access-log-format", paramLabel = "text|json",
      description = "Istio's accessLogEncoding for --access-log: text (default) or json.")
  String accessLogFormat;

  private SeriesRecorder series;
  private ErrorHistograms errors;
  private IstioMetrics metrics;
  private AtomicFile accessLogFile;
  private AccessLogWriter accessLogWriter;
  private Map<Path, Target> targets = Map.of();

  /**
   * Every file this run will write, by the option that asked for it, each with the mark its format
   * can carry: a first comment line where readers skip comments (HTML, Prometheus text, the
   * HdrHistogram log), a first JSON member in fortio's JSON, and the file attribute where any extra
   * line would be read as data (CSV, the access log, and the {@code .hgrm} table, which stays
   * byte for byte what HdrHistogram prints).
   */
  private Map<Path, Target> targets(Scenario scenario) {
    Map<Path, Target> files = new LinkedHashMap<>();
    put(files, html, "--html", OutputFiles.Mark.HTML_COMMENT);
    put(files, prometheus, "--prometheus", OutputFiles.Mark.HASH_COMMENT);
    put(files, accessLog, "--access-log", OutputFiles.Mark.EXTENDED_ATTRIBUTE);
    if (csvDir != null) {
      List.of("timeseries.csv", "latency.csv", "clusters.csv", "convergence.csv")
          .forEach(f -> put(files, csvDir.resolve(f), "--csv", OutputFiles.Mark.EXTENDED_ATTRIBUTE));
    }
    for (LoadSpec load : scenario.loads()) {
      if (hgrmDir != null) {
        put(files, hgrmDir.resolve(fileName(load.name()) + ".hgrm"), "--hgrm", OutputFiles.Mark.EXTENDED_ATTRIBUTE);
        put(files, hgrmDir.resolve(fileName(load.name()) + ".hlog"), "--hgrm", OutputFiles.Mark.HASH_COMMENT);
      }
      if (fortioDir != null) {
        put(files, fortioDir.resolve(fileName(load.name()) + ".json"), "--fortio-json", OutputFiles.Mark.JSON_FIELD);
      }
    }
    return files;
  }

  /** One file to write: the option that asked for it and how it is marked. */
  private record Target(String option, OutputFiles.Output output) {}

  private static void put(Map<Path, Target> files, Path file, String option, OutputFiles.Mark mark) {
    if (file == null) {
      return;
    }
    Target before = files.put(file.toAbsolutePath().normalize(), new Target(option, new OutputFiles.Output(file, mark)));
    if (before != null) {
      throw new BadInputException(option + " " + file + ": " + before.option() + " writes this file too; choose another", null);
    }
  }

  /** A load's name as a file name: anything but letters, digits, dot, dash and underscore becomes '_'. */
  static String fileName(String load) {
    String s = load.replaceAll("[^A-Za-z0-9._-]", "_");
    return s.startsWith(".") ? "_" + s : s;
  }

  /**
   * Refuses bad options and targets (inputs, directories where files go, files meshsim did not
   * write), together with {@code json}, the {@code --json} output, before the run.
   */
  void check(Scenario scenario, List<SourceFile> inputs, OutputFiles.Output json) {
    check(scenario, inputs, json, null);
  }

  /** As {@link #check(Scenario, List, OutputFiles.Output)}; no output may be a file {@code --inspect-dir} writes. */
  void check(Scenario scenario, List<SourceFile> inputs, OutputFiles.Output json, Path inspectDir) {
    if (accessLogSample != null && accessLog == null) {
      throw new BadInputException("--access-log-sample needs --access-log FILE", null);
    }
    if (accessLogFormat != null && accessLog == null) {
      throw new BadInputException("--access-log-format needs --access-log FILE", null);
    }
    if (accessLogFormat != null && !accessLogFormat.strip().matches("(?i)text|json")) {
      throw new BadInputException("--access-log-format " + accessLogFormat + ": must be text or json", null);
    }
    if (accessLogSample != null && !(accessLogSample > 0 && accessLogSample <= 1)) {
      throw new BadInputException("--access-log-sample " + accessLogSample + ": must be in (0, 1]", null);
    }
    for (Path dir : new Path[] {csvDir, hgrmDir, fortioDir}) {
      Path d = dir == null ? null : dir.toAbsolutePath().normalize();
      if (d != null && Files.exists(d) && !Files.isDirectory(d)) {
        throw new BadInputException(dir + ": exists and is not a directory; a directory is expected here", null);
      }
    }
    targets = targets(scenario);
    if (json != null && targets.containsKey(json.path().toAbsolutePath().normalize())) {
      throw new BadInputException("--json " + json.path() + ": another output writes this file too", null);
    }
    List<OutputFiles.Output> all = new ArrayList<>();
    if (json != null) {
      all.add(json);
    }
    targets.values().forEach(t -> all.add(t.output()));
    if (inspectDir != null) {
      refuseSnapshotNames(all, inspectDir);
    }
    OutputFiles.preflight(all, inputs);
  }

  /** An output named as a file of the snapshot directory (its index, a {@code snapshot-N.json}) is two outputs at one path. */
  private static void refuseSnapshotNames(List<OutputFiles.Output> all, Path inspectDir) {
    Path dir = inspectDir.toAbsolutePath().normalize();
    for (OutputFiles.Output o : all) {
      Path p = o.path().toAbsolutePath().normalize();
      if (p.equals(dir)) {
        throw new BadInputException(o.path() + ": is the --inspect-dir " + inspectDir + "; choose another", null);
      }
      if (dir.equals(p.getParent()) && dev.meshsim.inspect.SnapshotStore.isSnapshotName(p.getFileName().toString())) {
        throw new BadInputException(o.path() + ": --inspect-dir " + inspectDir + " writes this file too; choose another",
            null);
      }
    }
  }

  /** What hears the run's finished requests, or null when no output needs them. */
  RequestListener listener(Scenario scenario, RequestListener progress) throws IOException {
    List<RequestListener> listeners = new ArrayList<>();
    if (html != null || csvDir != null || hgrmDir != null) {
      series = new SeriesRecorder(scenario.warmupNanos(), bucketNanos(scenario), hgrmDir != null);
      listeners.add(series);
    }
    if (fortioDir != null) {
      errors = new ErrorHistograms();
      listeners.add(errors);
    }
    if (prometheus != null) {
      metrics = new IstioMetrics();
      listeners.add(metrics);
    }
    if (progress != null) {
      listeners.add(progress);
    }
    if (listeners.isEmpty()) {
      return null;
    }
    RequestListener[] all = listeners.toArray(new RequestListener[0]);
    return all.length == 1 ? all[0] : r -> {
      for (RequestListener l : all) {
        l.finished(r);
      }
    };
  }

  /** What hears every sidecar's access-log entries, or null without {@code --access-log}. */
  ProxyLogListener accessLogListener(Scenario scenario) throws IOException {
    if (accessLog == null) {
      return null;
    }
    accessLogFile = OutputFiles.open(output(accessLog));
    accessLogWriter = new AccessLogWriter(accessLogFile.writer(), accessLogSample == null ? 1 : accessLogSample,
        scenario.seed(), accessLogFormat == null ? AccessLogWriter.Encoding.TEXT
            : AccessLogWriter.Encoding.parse(accessLogFormat));
    return accessLogWriter;
  }

  /** The scenario's {@code report.bucket}, widened to keep charts at most {@link #MAX_POINTS} wide. */
  static long bucketNanos(Scenario scenario) {
    long bucket = scenario.timeline().bucketNanos();
    long window = scenario.durationNanos() - scenario.warmupNanos();
    long points = (window + bucket - 1) / bucket;
    long factor = (points + MAX_POINTS - 1) / MAX_POINTS;
    return bucket * Math.max(1, factor);
  }

  void write(Scenario scenario, RunResult result, ReportContext context) throws IOException {
    if (series != null) {
      series.finish(result.simulatedEndNanos());
    }
    if (html != null) {
      writeFile(html, HtmlReport.render(result, series, context));
    }
    if (csvDir != null) {
      for (Map.Entry<String, String> f : CsvFiles.render(result, series).entrySet()) {
        writeFile(csvDir.resolve(f.getKey()), f.getValue());
      }
    }
    for (LoadSpec load : scenario.loads()) {
      var stats = result.loads().get(load.name());
      if (hgrmDir != null) {
        writeFile(hgrmDir.resolve(fileName(load.name()) + ".hgrm"), HgrmFiles.percentileDistribution(stats.latency()));
        writeFile(hgrmDir.resolve(fileName(load.name()) + ".hlog"),
            HgrmFiles.intervalLog(result.scenario(), load.name(), series.loads().get(load.name())));
      }
      if (fortioDir != null) {
        writeFile(fortioDir.resolve(fileName(load.name()) + ".json"), FortioJson.toJson(result, describe(scenario, load),
            errors.of(load.name()), "meshsim-" + context.meshsimVersion()));
      }
    }
    if (prometheus != null) {
      writeFile(prometheus, PrometheusText.render(result, metrics));
    }
    if (accessLogFile != null) {
      accessLogFile.commit();
    }
  }

  /**
   * The load in fortio's terms: {@code -qps} and {@code -c} as its arrival states them (the one place
   * that reads an arrival so; {@code AllOutputs}, the reports' test fixture, builds it the same way).
   */
  static LoadDescription describe(Scenario scenario, LoadSpec load) {
    var request = load.request();
    return new LoadDescription(load.name(), "http://" + request.authority() + request.path(),
        load.arrival().requestedQps(), load.arrival().connections(), load.maxRequests(), scenario.durationNanos());
  }

  private void writeFile(Path file, String content) throws IOException {
    OutputFiles.write(output(file), content);
  }

  /** The checked output for {@code file}: {@link #check} names every file before the run. */
  private OutputFiles.Output output(Path file) {
    return targets.get(file.toAbsolutePath().normalize()).output();
  }

  /** Drops the access log's temporary file if the run did not get to {@link #write}. */
  @Override
  public void close() throws IOException {
    if (accessLogFile != null) {
      accessLogFile.close();
    }
  }
}

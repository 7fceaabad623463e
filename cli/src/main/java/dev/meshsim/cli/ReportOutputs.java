package dev.meshsim.cli;

import dev.meshsim.report.html.HtmlReport;
import dev.meshsim.report.html.ReportContext;
import dev.meshsim.report.series.SeriesRecorder;
import dev.meshsim.result.FinishedRequest;
import dev.meshsim.result.RequestListener;
import dev.meshsim.result.RunResult;
import dev.meshsim.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The report files {@code meshsim run} can write besides the text summary and {@code --json}: the
 * HTML page, CSV, hgrm, fortio JSON, Prometheus text and the access log. Checks every target before
 * the run (exit 2, nothing written), listens to the run's finished requests, and writes each file
 * atomically afterwards (the access log streams to its temporary file during the run).
 */
final class ReportOutputs {
  /** The most points a time chart gets; longer runs widen the bucket (a multiple of report.bucket). */
  static final int MAX_POINTS = 240;

  @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML report.")
  Path html;

  private SeriesRecorder series;

  /** Refuses targets that are inputs, directories where files are expected, or files meshsim did not write. */
  void checkWritable(List<Path> inputs) throws IOException {
    for (Path file : files()) {
      WrittenFiles.checkWritable(file, inputs);
    }
  }

  private List<Path> files() {
    List<Path> files = new ArrayList<>();
    if (html != null) {
      files.add(html);
    }
    return files;
  }

  /** What hears the run's finished requests, or null when no output needs them. */
  RequestListener listener(Scenario scenario) {
    List<RequestListener> listeners = new ArrayList<>();
    if (html != null) {
      series = new SeriesRecorder(scenario.warmupNanos(), bucketNanos(scenario), false);
      listeners.add(series);
    }
    if (listeners.isEmpty()) {
      return null;
    }
    if (listeners.size() == 1) {
      return listeners.get(0);
    }
    RequestListener[] all = listeners.toArray(new RequestListener[0]);
    return (FinishedRequest r) -> {
      for (RequestListener l : all) {
        l.finished(r);
      }
    };
  }

  /** The scenario's {@code report.bucket}, widened to keep charts at most {@link #MAX_POINTS} wide. */
  static long bucketNanos(Scenario scenario) {
    long bucket = scenario.timeline().bucketNanos();
    long window = scenario.durationNanos() - scenario.warmupNanos();
    long points = (window + bucket - 1) / bucket;
    long factor = (points + MAX_POINTS - 1) / MAX_POINTS;
    return bucket * Math.max(1, factor);
  }

  void write(RunResult result, ReportContext context) throws IOException {
    if (series != null) {
      series.finish(result.simulatedEndNanos());
    }
    if (html != null) {
      writeFile(html, HtmlReport.render(result, series, context));
    }
  }

  static void writeFile(Path file, String content) throws IOException {
    try (AtomicFile out = AtomicFile.open(file)) {
      out.writer().write(content);
      out.commit();
    }
    WrittenFiles.record(file);
  }
}

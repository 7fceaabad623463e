package dev.meshsim.report.fortio;

import dev.meshsim.result.FinishedRequest;
import dev.meshsim.result.RequestListener;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * fortio's {@code ErrorsDurationHistogram}: per load, the latencies of the requests fortio counts as
 * errors (neither 2xx nor 418, as its {@code codeIsOK}). Auto-resizing, so a load without errors
 * costs next to nothing.
 */
public final class ErrorHistograms implements RequestListener {
  private final TreeMap<String, Histogram> byLoad = new TreeMap<>();

  static boolean isError(int code) {
    return !(code >= 200 && code <= 299 || code == 418);
  }

  @Override
  public void finished(FinishedRequest r) {
    if (isError(r.code())) {
      byLoad.computeIfAbsent(r.load(), n -> new Histogram(3)).recordValue(Math.max(1, r.durationNanos()));
    }
  }

  /** The load's error latencies in nanoseconds (empty when it had none). */
  public Histogram of(String load) {
    return byLoad.getOrDefault(load, new Histogram(3));
  }
}

package dev.meshsim.cli;

import dev.meshsim.result.FinishedRequest;
import dev.meshsim.result.RequestListener;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A one-line progress bar on stderr for runs that take more than {@link #DELAY_NANOS} of wall time:
 * simulated time done of the total, requests so far, simulated requests per second, and the ETA.
 * Shown only when stderr is a terminal, so logs and CI stay clean; it reads the wall clock, which
 * is fine here because nothing of it reaches an output file. Redrawn at most every 200 ms, and the
 * clock is read once per {@link #CHECK_EVERY} requests so the run does not slow down.
 */
final class Progress implements RequestListener {
  static final long DELAY_NANOS = 2_000_000_000L;
  private static final long REDRAW_NANOS = 200_000_000L;
  private static final int CHECK_EVERY = 1024;
  private static final int WIDTH = 24;

  private final PrintWriter err;
  private final long delayNanos;
  private final long fromNanos;
  private final long toNanos;
  private final long startedAt = System.nanoTime();
  private long requests;
  private long lastDraw;
  private boolean drawn;

  Progress(PrintWriter err, long fromNanos, long toNanos) {
    this(err, fromNanos, toNanos, DELAY_NANOS);
  }

  /** With {@code delayNanos} of wall time before the bar shows (tests use 0). */
  Progress(PrintWriter err, long fromNanos, long toNanos, long delayNanos) {
    this.delayNanos = delayNanos;
    this.err = err;
    this.fromNanos = fromNanos;
    this.toNanos = toNanos;
  }

  /** Whether stderr is a terminal (Linux: fd 2 is a tty; elsewhere: the JVM has a console). */
  static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception e) {
      return System.console() != null;
    }
  }

  @Override
  public void finished(FinishedRequest r) {
    if (++requests % CHECK_EVERY != 0) {
      return;
    }
    long now = System.nanoTime();
    if (now - startedAt < delayNanos || lastDraw != 0 && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    draw(r.endNanos(), now);
  }

  private void draw(long simNanos, long now) {
    double done = Math.min(1, Math.max(0, (double) (simNanos - fromNanos) / Math.max(1, toNanos - fromNanos)));
    int filled = (int) Math.round(done * WIDTH);
    double wall = (now - startedAt) / 1e9;
    double simSeconds = (simNanos - fromNanos) / 1e9;
    double eta = done > 0 ? wall * (1 - done) / done : Double.NaN;
    err.print(String.format(Locale.ROOT, "\r[%s%s] %3.0f%%  sim %.1f/%.1f s  %,d req  %,.0f sim req/s  ETA %s ",
        "#".repeat(filled), ".".repeat(WIDTH - filled), 100 * done, simNanos / 1e9, toNanos / 1e9, requests,
        simSeconds > 0 ? requests / simSeconds : 0, Double.isNaN(eta) ? "?" : Math.round(eta) + " s"));
    err.flush();
    drawn = true;
  }

  /** Clears the line once the run is over. */
  void done() {
    if (drawn) {
      err.print("\r" + " ".repeat(100) + "\r");
      err.flush();
    }
  }
}

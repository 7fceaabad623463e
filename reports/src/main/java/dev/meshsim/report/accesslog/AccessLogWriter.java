package dev.meshsim.report.accesslog;

import dev.meshsim.result.FinishedRequest;
import dev.meshsim.result.RequestListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Streams access-log lines to a writer as requests end. Sampling keeps request {@code n} (counted
 * in the order requests end, which the simulation fixes) when a hash of (seed, n) falls below the
 * rate, so the same scenario and seed keep the same lines and different seeds keep different ones.
 * The {@code x-request-id} is a UUID made from the same hash. Requests from a pod without a sidecar
 * are not logged: no Envoy saw them.
 */
public final class AccessLogWriter implements RequestListener {
  private final Writer out;
  private final double rate;
  private final long seed;
  private long index;
  private long written;

  /** @param rate the fraction of requests logged, in (0, 1] */
  public AccessLogWriter(Writer out, double rate, long seed) {
    if (!(rate > 0 && rate <= 1)) {
      throw new IllegalArgumentException("sample rate must be in (0, 1]: " + rate);
    }
    this.out = out;
    this.rate = rate;
    this.seed = seed;
  }

  @Override
  public void finished(FinishedRequest r) {
    long n = index++;
    if (r.proxyStartNanos() < 0 || r.proxyEndNanos() < 0) {
      return;
    }
    long h = mix(seed ^ mix(n + 0x632BE59BD9B4E019L));
    if (rate < 1 && (h >>> 11) * 0x1.0p-53 >= rate) {
      return;
    }
    try {
      out.write(AccessLogLine.format(r, uuid(h, mix(h))));
      written++;
    } catch (IOException e) {
      throw new UncheckedIOException("writing the access log", e);
    }
  }

  /** Lines written so far. */
  public long written() {
    return written;
  }

  /** SplitMix64's finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A version-4-shaped UUID from two hashes (Envoy's x-request-id is a random v4 UUID). */
  static String uuid(long hi, long lo) {
    hi = (hi & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
    lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new java.util.UUID(hi, lo).toString();
  }
}

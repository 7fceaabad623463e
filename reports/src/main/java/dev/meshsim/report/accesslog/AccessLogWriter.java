package dev.meshsim.report.accesslog;

import dev.meshsim.result.ProxyLogEntry;
import dev.meshsim.result.ProxyLogListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Streams every sidecar's access-log entries to a writer as requests end, in Istio's TEXT or JSON
 * encoding. Sampling is by request: an entry is kept when a hash of (seed, its {@code
 * x-request-id}) falls below the rate, so both sides of a request, and every hop that carried the
 * same id, are kept or dropped together; the same scenario and seed keep the same entries.
 */
public final class AccessLogWriter implements ProxyLogListener {
  /** Istio's {@code meshConfig.accessLogEncoding}. */
  public enum Encoding {
    TEXT, JSON;

    /** {@code text} or {@code json}, any case. */
    public static Encoding parse(String s) {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }
  }

  private final Writer out;
  private final double rate;
  private final long seed;
  private final Encoding encoding;
  private long written;

  /** @param rate the fraction of requests logged, in (0, 1] */
  public AccessLogWriter(Writer out, double rate, long seed, Encoding encoding) {
    if (!(rate > 0 && rate <= 1)) {
      throw new IllegalArgumentException("sample rate must be in (0, 1]: " + rate);
    }
    this.out = out;
    this.rate = rate;
    this.seed = seed;
    this.encoding = encoding;
  }

  /** A TEXT log. */
  public AccessLogWriter(Writer out, double rate, long seed) {
    this(out, rate, seed, Encoding.TEXT);
  }

  @Override
  public boolean wants(long requestId) {
    return rate >= 1 || (mix(seed ^ mix(requestId + 0x632BE59BD9B4E019L)) >>> 11) * 0x1.0p-53 < rate;
  }

  @Override
  public void logged(ProxyLogEntry entry) {
    String id = uuid(entry.requestId(), mix(entry.requestId() ^ seed));
    try {
      out.write(encoding == Encoding.JSON ? AccessLogJson.format(entry, id) : AccessLogLine.format(entry, id));
      written++;
    } catch (IOException e) {
      throw new UncheckedIOException("writing the access log", e);
    }
  }

  /** Entries written so far. */
  public long written() {
    return written;
  }

  /** SplitMix64's finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * A version-4 UUID from two 64-bit values, as Envoy's UUID request-id extension writes a random
   * one ({@code source/extensions/request_id/uuid}: version nibble 4, variant bits 10).
   */
  static String uuid(long hi, long lo) {
    hi = (hi & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
    lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new java.util.UUID(hi, lo).toString();
  }
}

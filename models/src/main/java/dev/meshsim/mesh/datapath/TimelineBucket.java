package dev.meshsim.mesh.datapath;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The requests that started in one bucket of {@link TimelineStats}' series, kept small because a
 * run may hold 100,000 of them: most buckets see one response code and one flags value, counted in
 * fields; maps exist only for a second code or flags value, and for failures only in a bucket that
 * had one. About 100 bytes for a bucket of successes, against about 370 when every bucket held four
 * maps (benchmarks/README.md, "The timeline's memory per bucket").
 */
final class TimelineBucket {
  long requests;
  long failed;
  long latencySum;
  long maxLatency;
  long firstFailure = Long.MAX_VALUE;
  long lastFailure = Long.MIN_VALUE;
  /** The first code seen and its count; further codes go to {@link #otherCodes}. */
  private int code;
  private long codeCount;
  private String flags;
  private long flagsCount;
  private TreeMap<Integer, Long> otherCodes;
  private TreeMap<String, Long> otherFlags;
  /** The failed requests by code and by flags; null while the bucket has none. */
  private TreeMap<Integer, Long> failedCodes;
  private TreeMap<String, Long> failedFlags;

  void record(long startNanos, long latency, int responseCode, String responseFlags) {
    requests++;
    latencySum += latency;
    maxLatency = Math.max(maxLatency, latency);
    countCode(responseCode);
    countFlags(responseFlags);
    if (responseCode < 200 || responseCode >= 300) {
      failed++;
      firstFailure = Math.min(firstFailure, startNanos);
      lastFailure = Math.max(lastFailure, startNanos);
      if (failedCodes == null) {
        failedCodes = new TreeMap<>();
        failedFlags = new TreeMap<>();
      }
      failedCodes.merge(responseCode, 1L, Long::sum);
      failedFlags.merge(responseFlags, 1L, Long::sum);
    }
  }

  private void countCode(int c) {
    if (codeCount == 0 || code == c) {
      code = c;
      codeCount++;
    } else {
      if (otherCodes == null) {
        otherCodes = new TreeMap<>();
      }
      otherCodes.merge(c, 1L, Long::sum);
    }
  }

  private void countFlags(String f) {
    if (flagsCount == 0 || flags.equals(f)) {
      flags = f;
      flagsCount++;
    } else {
      if (otherFlags == null) {
        otherFlags = new TreeMap<>();
      }
      otherFlags.merge(f, 1L, Long::sum);
    }
  }

  /** Count by response code, sorted (a new map). */
  SortedMap<Integer, Long> codes() {
    return merged(codeCount == 0 ? null : code, codeCount, otherCodes);
  }

  /** Count by flags, sorted (a new map). */
  SortedMap<String, Long> flags() {
    return merged(flags, flagsCount, otherFlags);
  }

  /** The failed requests by code; empty when none failed. */
  SortedMap<Integer, Long> failedCodes() {
    return failedCodes == null ? Collections.emptySortedMap() : failedCodes;
  }

  /** The failed requests by flags; empty when none failed. */
  SortedMap<String, Long> failedFlags() {
    return failedFlags == null ? Collections.emptySortedMap() : failedFlags;
  }

  private static <K> SortedMap<K, Long> merged(K first, long count, TreeMap<K, Long> others) {
    TreeMap<K, Long> out = others == null ? new TreeMap<>() : new TreeMap<>(others);
    if (count > 0) {
      out.put(first, count);
    }
    return out;
  }
}

package dev.meshsim.bench;

/**
 * The baseline of {@link HoldBenchmark}: a fixed-capacity 4-ary min-heap of {@code long} times with
 * an {@code int} payload each, and nothing else: no sequence numbers (ties fire in any order), no
 * cancellation, no growth, no dispatch. Its sift loops are written the same way as the engine's.
 */
final class BareHeap {
  private final long[] times;
  private final int[] payloads;
  private int size;

  BareHeap(int capacity) {
    times = new long[capacity];
    payloads = new int[capacity];
  }

  long peekTime() {
    return times[0];
  }

  /** Removes the earliest entry and returns its payload; the heap must not be empty. */
  int poll() {
    int payload = payloads[0];
    int last = --size;
    if (last > 0) {
      siftDown(times[last], payloads[last]);
    }
    return payload;
  }

  void add(long time, int payload) {
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 2;
      long pt = times[parent];
      if (pt <= time) {
        break;
      }
      times[i] = pt;
      payloads[i] = payloads[parent];
      i = parent;
    }
    times[i] = time;
    payloads[i] = payload;
  }

  private void siftDown(long time, int payload) {
    int i = 0;
    int n = size;
    while (true) {
      int first = (i << 2) + 1;
      if (first >= n) {
        break;
      }
      int best = first;
      long bestTime = times[first];
      int end = Math.min(first + 4, n);
      for (int c = first + 1; c < end; c++) {
        long ct = times[c];
        if (ct < bestTime) {
          best = c;
          bestTime = ct;
        }
      }
      if (time <= bestTime) {
        break;
      }
      times[i] = bestTime;
      payloads[i] = payloads[best];
      i = best;
    }
    times[i] = time;
    payloads[i] = payload;
  }
}

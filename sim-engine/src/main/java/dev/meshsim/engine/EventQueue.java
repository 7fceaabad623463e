package dev.meshsim.engine;

import java.util.Arrays;

/**
 * The pending-event set: a 4-ary min-heap on primitive arrays, ordered by (time, sequence).
 *
 * <p>Written by hand rather than with {@link java.util.PriorityQueue} because it is the engine's hot
 * path: {@code PriorityQueue} needs an entry object per event and a comparator call per level, which
 * the hold-model benchmark ({@code benchmarks/}) shows costs about half the throughput. A 4-ary heap
 * halves the depth of a binary one and keeps the four children of a node in one cache line.
 *
 * <p>Each entry lives in a <em>slot</em>; a handle names the slot and the entry's sequence number, so
 * a stale handle (the event already fired, or the slot was reused) never cancels the wrong event.
 * Cancellation is lazy: the slot is marked empty and the heap entry is dropped when it reaches the
 * top. Most Envoy timeouts never fire, so cancellation must be O(1); to keep memory bounded by the
 * number of <em>live</em> events, the heap is compacted (O(n) rebuild) once cancelled entries
 * outnumber live ones.
 */
final class EventQueue {
  private static final int INITIAL_CAPACITY = 64;
  private static final int COMPACT_MIN_SIZE = 1024;

  // Heap, in heap order. Index 0 is the earliest entry.
  private long[] times = new long[INITIAL_CAPACITY];
  private long[] seqs = new long[INITIAL_CAPACITY];
  private int[] slotOf = new int[INITIAL_CAPACITY];
  private int size;

  // Slots, indexed by slot number. events[s] == null means the slot's entry was cancelled.
  private Event[] events = new Event[INITIAL_CAPACITY];
  private long[] slotSeq = new long[INITIAL_CAPACITY];
  private int[] freeSlots = new int[INITIAL_CAPACITY];
  private int freeCount;
  private int slotsUsed;

  private long nextSeq;
  private int cancelled;

  /** Number of live (not cancelled) pending events. */
  int liveSize() {
    return size - cancelled;
  }

  boolean isEmpty() {
    return liveSize() == 0;
  }

  /** Adds an event and returns its handle. */
  long add(long time, Event event) {
    int slot = allocateSlot();
    long seq = nextSeq++;
    events[slot] = event;
    slotSeq[slot] = seq;
    if (size == times.length) {
      growHeap();
    }
    siftUp(size++, time, seq, slot);
    return handle(slot, seq);
  }

  /** Cancels the event behind the handle; false if it already fired or was cancelled. */
  boolean cancel(long handle) {
    int slot = (int) (handle >>> 40);
    long seq = handle & SEQ_MASK;
    if (slot >= slotsUsed || events[slot] == null || (slotSeq[slot] & SEQ_MASK) != seq) {
      return false;
    }
    events[slot] = null;
    cancelled++;
    if (cancelled > size / 2 && size >= COMPACT_MIN_SIZE) {
      compact();
    }
    return true;
  }

  /** Time of the earliest live event; only valid when not empty. */
  long peekTime() {
    dropCancelledTop();
    return times[0];
  }

  /**
   * Removes the earliest live event and returns it; the caller reads its time with {@link
   * #peekTime()} first. Returns null when empty.
   */
  Event poll() {
    dropCancelledTop();
    if (size == 0) {
      return null;
    }
    int slot = slotOf[0];
    Event event = events[slot];
    removeTop();
    events[slot] = null;
    freeSlot(slot);
    return event;
  }

  // --- handles -----------------------------------------------------------------------------------
  // A handle packs the slot (upper 24 bits) and the low 40 bits of the sequence number: 2^40 events
  // pass before a handle could alias, far beyond any run, and a stale handle is rejected by the
  // sequence check.
  private static final long SEQ_MASK = (1L << 40) - 1;
  private static final int MAX_SLOTS = 1 << 23;

  private static long handle(int slot, long seq) {
    return ((long) slot << 40) | (seq & SEQ_MASK);
  }

  // --- heap --------------------------------------------------------------------------------------

  private void dropCancelledTop() {
    while (size > 0 && events[slotOf[0]] == null) {
      int slot = slotOf[0];
      removeTop();
      cancelled--;
      freeSlot(slot);
    }
  }

  private void removeTop() {
    int last = --size;
    if (last > 0) {
      siftDown(0, times[last], seqs[last], slotOf[last]);
    }
  }

  private void siftUp(int index, long time, long seq, int slot) {
    int i = index;
    while (i > 0) {
      int parent = (i - 1) >>> 2;
      long pt = times[parent];
      if (pt < time || (pt == time && seqs[parent] < seq)) {
        break;
      }
      times[i] = pt;
      seqs[i] = seqs[parent];
      slotOf[i] = slotOf[parent];
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    slotOf[i] = slot;
  }

  private void siftDown(int index, long time, long seq, int slot) {
    int i = index;
    int n = size;
    while (true) {
      int first = (i << 2) + 1;
      if (first >= n) {
        break;
      }
      int best = first;
      long bestTime = times[first];
      long bestSeq = seqs[first];
      int end = Math.min(first + 4, n);
      for (int c = first + 1; c < end; c++) {
        long ct = times[c];
        if (ct < bestTime || (ct == bestTime && seqs[c] < bestSeq)) {
          best = c;
          bestTime = ct;
          bestSeq = seqs[c];
        }
      }
      if (time < bestTime || (time == bestTime && seq < bestSeq)) {
        break;
      }
      times[i] = bestTime;
      seqs[i] = bestSeq;
      slotOf[i] = slotOf[best];
      i = best;
    }
    times[i] = time;
    seqs[i] = seq;
    slotOf[i] = slot;
  }

  /** Rebuilds the heap from its live entries only (Floyd's bottom-up heapify, O(n)). */
  private void compact() {
    int live = 0;
    for (int i = 0; i < size; i++) {
      int slot = slotOf[i];
      if (events[slot] == null) {
        freeSlot(slot);
      } else {
        times[live] = times[i];
        seqs[live] = seqs[i];
        slotOf[live] = slot;
        live++;
      }
    }
    size = live;
    cancelled = 0;
    for (int i = (size - 2) >>> 2; i >= 0 && size > 1; i--) {
      siftDown(i, times[i], seqs[i], slotOf[i]);
    }
  }

  private void growHeap() {
    int capacity = times.length * 2;
    times = Arrays.copyOf(times, capacity);
    seqs = Arrays.copyOf(seqs, capacity);
    slotOf = Arrays.copyOf(slotOf, capacity);
  }

  // --- slots -------------------------------------------------------------------------------------

  private int allocateSlot() {
    if (freeCount > 0) {
      return freeSlots[--freeCount];
    }
    if (slotsUsed == MAX_SLOTS) {
      throw new IllegalStateException("more than " + MAX_SLOTS + " pending events");
    }
    if (slotsUsed == events.length) {
      int capacity = events.length * 2;
      events = Arrays.copyOf(events, capacity);
      slotSeq = Arrays.copyOf(slotSeq, capacity);
      freeSlots = Arrays.copyOf(freeSlots, capacity);
    }
    return slotsUsed++;
  }

  private void freeSlot(int slot) {
    slotSeq[slot] = -1;
    freeSlots[freeCount++] = slot;
  }
}

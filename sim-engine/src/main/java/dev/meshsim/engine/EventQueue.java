package dev.meshsim.engine;

import java.util.Arrays;

/**
 * The pending-event set: a 4-ary min-heap of times on primitive arrays, plus the bookkeeping that
 * makes events of equal time come out in scheduling (FIFO) order and makes cancellation O(1).
 *
 * <p>Written by hand rather than with {@link java.util.PriorityQueue} because it is the engine's hot
 * path: {@code PriorityQueue} needs an entry object per event and a comparator call per level. A
 * 4-ary heap halves the depth of a binary one and keeps the four children of a node close together.
 * The hold-model benchmark ({@code benchmarks/}) measures it against a bare heap.
 *
 * <p><b>Heap.</b> Entry {@code i} is {@code times[ROOT+i]} and {@code slots[ROOT+i]}: two parallel
 * arrays, 12 bytes an entry, which measured faster at 10^5 and 10^6 pending events than 16-byte
 * interleaved (time, slot) pairs. {@code ROOT} is 1 so that the four children of a node (32 bytes of
 * times) never straddle a cache line when the array's first element sits 16 bytes past a line
 * boundary, which is where G1 puts the elements of a large (humongous) array. The heap compares
 * <em>times only</em>: a (time, sequence) comparison in the sift loops keeps the JIT from compiling
 * the choice among four children into conditional moves, and cost about 30% of the throughput.
 *
 * <p><b>Ties.</b> FIFO order among equal times is restored where ties are actually met: when the
 * entry just removed from the top has the same time as the new top, every entry of that time is
 * drained from the heap into the <em>tie group</em>, which is sorted by sequence number and served
 * before the heap. Entries added later with that same time have larger sequence numbers than the
 * whole group, so serving the group first is correct. Without ties this costs one comparison per
 * removal. The caller must never add an event earlier than the last one removed (the simulation's
 * clock guarantees it).
 *
 * <p><b>Slots and handles.</b> Each entry's event lives in a <em>slot</em>, with the entry's 64-bit
 * sequence number. A handle names the slot and the low 40 bits of the sequence number, so a stale
 * handle (the event already fired, or the slot was reused) never cancels the wrong event; 2^40
 * schedulings would have to pass while a stale handle is kept for it to alias. Cancellation is
 * lazy: the slot's event is set to null and the entry is dropped when it reaches the top. Most model
 * timeouts never fire, so cancellation must be O(1); to keep memory bounded by the number of
 * <em>live</em> events, the heap is compacted (O(n) rebuild) once cancelled entries outnumber live
 * ones.
 */
final class EventQueue {
  static final int SLOT_BITS = 23;
  static final int MAX_SLOTS = 1 << SLOT_BITS;
  private static final long SLOT_MASK = MAX_SLOTS - 1;
  private static final long STAMP_MASK = (1L << 40) - 1;
  private static final int INITIAL_CAPACITY = 64;
  private static final int COMPACT_MIN_SIZE = 1024;

  // Heap, in heap order, from index ROOT: times and slots. Entry 0 (at ROOT) is the earliest.
  private static final int ROOT = 1;
  private long[] times = new long[ROOT + INITIAL_CAPACITY];
  private int[] slots = new int[ROOT + INITIAL_CAPACITY];
  private int size;

  // The tie group: slots of entries of time groupTime, taken off the heap, in sequence order.
  // group[groupPos..groupEnd) are still pending.
  private int[] group = new int[16];
  private int groupPos;
  private int groupEnd;
  private long groupTime;

  // Slots, indexed by slot number. events[s] == null means slot s is free or its entry was cancelled
  // (a slot is freed only when its entry leaves the heap or the group). FreeSlots tracks the free
  // ones; the arrays grow so that at least a fifth of the slots are free.
  private Event[] events = new Event[INITIAL_CAPACITY];
  private long[] slotSeq = new long[INITIAL_CAPACITY];
  private final FreeSlots free = new FreeSlots(INITIAL_CAPACITY);

  /** Written with a value derived from the next event's slot, so that the load is not elided. */
  private int prefetchSink;

  private long polledTime;
  private long nextSeq;
  /** Cancelled entries still in the heap or the group. */
  private int cancelled;

  /** Number of live (not cancelled) pending events. */
  int liveSize() {
    return size + (groupEnd - groupPos) - cancelled;
  }

  /** Entries held, live or cancelled (for tests of the memory bound). */
  int entries() {
    return size + (groupEnd - groupPos);
  }

  boolean isEmpty() {
    return liveSize() == 0;
  }

  /**
   * Adds an event and returns its handle (never negative). {@code time} must not be earlier than
   * the time of the last event removed.
   */
  long add(long time, Event event) {
    assert groupPos == groupEnd || time >= groupTime : "time before the current instant";
    int slot = allocateSlot();
    long seq = nextSeq++;
    events[slot] = event;
    slotSeq[slot] = seq;
    if (ROOT + size == times.length) {
      growHeap();
    }
    long[] t = times;
    int[] sl = slots;
    int p = ROOT + size++;
    while (p > ROOT) {
      int parent = ROOT + ((p - ROOT - 1) >>> 2);
      long pt = t[parent];
      if (pt <= time) {
        break;
      }
      t[p] = pt;
      sl[p] = sl[parent];
      p = parent;
    }
    t[p] = time;
    sl[p] = slot;
    return ((seq & STAMP_MASK) << SLOT_BITS) | slot;
  }

  /** Cancels the event behind the handle; false if it already fired or was cancelled. */
  boolean cancel(long handle) {
    if (handle < 0) {
      return false;
    }
    int slot = (int) (handle & SLOT_MASK);
    if (slot >= events.length
        || events[slot] == null
        || (slotSeq[slot] & STAMP_MASK) != handle >>> SLOT_BITS) {
      return false;
    }
    events[slot] = null;
    cancelled++;
    int entries = size + (groupEnd - groupPos);
    if (cancelled > entries >>> 1 && entries >= COMPACT_MIN_SIZE) {
      compact();
    }
    return true;
  }

  /**
   * Removes and returns the earliest live event if its time is at most {@code limit}; otherwise, or
   * when empty, returns null and removes nothing (but may drop cancelled entries). The removed
   * event's time is then {@link #polledTime()}. This is the engine's hot path: one call per event.
   */
  Event poll(long limit) {
    int slot;
    long time;
    if (groupPos < groupEnd) {
      slot = group[groupPos];
      time = groupTime;
      if (events[slot] == null || time > limit) {
        return pollSlow(limit);
      }
      groupPos++;
    } else {
      if (size == 0) {
        return null;
      }
      slot = slots[ROOT];
      time = times[ROOT];
      if (events[slot] == null || time > limit) {
        return pollSlow(limit);
      }
      removeHeapTop();
      if (size > 0) {
        if (times[ROOT] == time) {
          slot = formGroup(slot, time);
        } else {
          // Start loading the next event's slot now, while the caller fires this event: with many
          // pending events the slot is a cache miss, and the next poll would wait for it.
          prefetchSink += events[slots[ROOT]] == null ? 1 : 0;
        }
      }
    }
    polledTime = time;
    Event event = events[slot];
    events[slot] = null;
    freeSlot(slot);
    return event;
  }

  /** {@link #poll} when the front entry is cancelled or too late. */
  private Event pollSlow(long limit) {
    if (isEmpty()) {
      return null;
    }
    long time = peekTime();
    if (time > limit) {
      return null;
    }
    polledTime = time;
    return removeTop();
  }

  /** The time of the event returned by the last successful {@link #poll}. */
  long polledTime() {
    return polledTime;
  }

  /**
   * Time of the earliest live event, after dropping cancelled entries from the front; only valid
   * when not {@link #isEmpty() empty}. After it, {@link #removeTop()} removes that event.
   */
  long peekTime() {
    while (groupPos < groupEnd) {
      int slot = group[groupPos];
      if (events[slot] != null) {
        return groupTime;
      }
      groupPos++;
      dropCancelled(slot);
    }
    int slot;
    while (events[slot = slots[ROOT]] == null) {
      removeHeapTop();
      dropCancelled(slot);
    }
    return times[ROOT];
  }

  /**
   * Removes the earliest event and returns it. Only valid right after {@link #peekTime()}, which
   * guarantees that the front entry is live.
   */
  Event removeTop() {
    int slot;
    if (groupPos < groupEnd) {
      slot = group[groupPos++];
    } else {
      long time = times[ROOT];
      slot = slots[ROOT];
      removeHeapTop();
      if (size > 0 && times[ROOT] == time) {
        slot = formGroup(slot, time);
      }
    }
    Event event = events[slot];
    events[slot] = null;
    freeSlot(slot);
    return event;
  }

  private void dropCancelled(int slot) {
    cancelled--;
    freeSlot(slot);
  }

  // --- ties --------------------------------------------------------------------------------------

  /**
   * {@code first}, just removed from the heap and live, has the same time as the new top: moves all
   * entries of that time into the group, sorts it by sequence number, and takes the group's first
   * live entry.
   */
  private int formGroup(int first, long time) {
    int n = 0;
    group[n++] = first;
    while (size > 0 && times[ROOT] == time) {
      if (n == group.length) {
        group = Arrays.copyOf(group, n << 1);
      }
      group[n++] = slots[ROOT];
      removeHeapTop();
    }
    SeqSort.sort(group, n, slotSeq);
    groupTime = time;
    groupPos = 0;
    groupEnd = n;
    // Cancelled entries may sort before `first`, which is live.
    while (events[group[groupPos]] == null) {
      dropCancelled(group[groupPos++]);
    }
    return group[groupPos++];
  }

  // --- heap --------------------------------------------------------------------------------------

  private void removeHeapTop() {
    int last = ROOT + --size;
    if (last > ROOT) {
      siftDown(ROOT, times[last], slots[last]);
    }
  }

  private void growHeap() {
    times = Arrays.copyOf(times, ROOT + (size << 1));
    slots = Arrays.copyOf(slots, ROOT + (size << 1));
  }

  /** Places entry (time, slot) at or below position {@code p}. */
  private void siftDown(int p, long time, int slot) {
    long[] t = times;
    int[] sl = slots;
    int end = ROOT + size;
    while (true) {
      int c = (p << 2) - (3 * ROOT - 1);
      if (c >= end) {
        break;
      }
      // Keep this loop a plain minimum on times: the JIT turns it into conditional moves.
      int best = c;
      long bestTime = t[c];
      int last = Math.min(c + 4, end);
      for (int q = c + 1; q < last; q++) {
        long tq = t[q];
        if (tq < bestTime) {
          best = q;
          bestTime = tq;
        }
      }
      if (time <= bestTime) {
        break;
      }
      t[p] = bestTime;
      sl[p] = sl[best];
      p = best;
    }
    t[p] = time;
    sl[p] = slot;
  }

  /** Drops every cancelled entry from the heap (O(n) rebuild) and from the group. */
  private void compact() {
    long[] t = times;
    int[] sl = slots;
    int live = 0;
    for (int i = 0; i < size; i++) {
      int slot = sl[ROOT + i];
      if (events[slot] == null) {
        dropCancelled(slot);
      } else {
        t[ROOT + live] = t[ROOT + i];
        sl[ROOT + live] = slot;
        live++;
      }
    }
    size = live;
    for (int i = (size - 2) >> 2; i >= 0; i--) {
      siftDown(ROOT + i, t[ROOT + i], sl[ROOT + i]);
    }
    int kept = groupPos;
    for (int i = groupPos; i < groupEnd; i++) {
      int slot = group[i];
      if (events[slot] == null) {
        dropCancelled(slot);
      } else {
        group[kept++] = slot;
      }
    }
    groupEnd = kept;
    assert cancelled == 0;
  }

  // --- slots (which are free: FreeSlots) -------------------------------------------------------

  private int allocateSlot() {
    if (free.crowded()) {
      growSlots();
    }
    return free.allocate();
  }

  private void freeSlot(int slot) {
    free.free(slot);
  }

  private void growSlots() {
    int capacity = events.length;
    if (capacity == MAX_SLOTS) {
      if (free.inUse() == capacity) {
        throw new IllegalStateException("more than " + MAX_SLOTS + " pending events");
      }
      return; // no room to grow: allocate from the remaining free slots
    }
    int grown = capacity << 1;
    events = Arrays.copyOf(events, grown);
    slotSeq = Arrays.copyOf(slotSeq, grown);
    free.grow(grown);
  }
}

package dev.meshsim.engine;

import java.util.Arrays;

/**
 * Which of {@link EventQueue}'s slots are free: a bitmap with a 1 per free slot, allocated "next
 * fit" (the next free slot at or after a cursor) rather than from a LIFO free list, so consecutive
 * schedulings write to neighbouring slots. Each write of an event reference into the
 * (old-generation) slot array costs a GC write barrier, and G1's is much cheaper when it hits a card
 * it has already dirtied; with a free list, slots come back in random order and nearly every
 * scheduling dirtied a fresh card. The queue keeps a fifth of the slots free, which keeps the scan
 * short (a few bits of one word, on average).
 */
final class FreeSlots {
  private long[] bits;
  private int capacity;
  private int cursor;
  private int inUse;

  FreeSlots(int capacity) {
    this.capacity = capacity;
    this.bits = new long[capacity >>> 6];
    Arrays.fill(bits, -1L);
  }

  int inUse() {
    return inUse;
  }

  /** Whether the queue should grow before the next allocation (four fifths in use). */
  boolean crowded() {
    return inUse * 5L >= capacity * 4L;
  }

  /** Takes the next free slot at or after the cursor; there must be one. */
  int allocate() {
    long[] fb = bits;
    int w = cursor >>> 6;
    long b = fb[w] & (-1L << cursor);
    while (b == 0) {
      if (++w == fb.length) {
        w = 0;
      }
      b = fb[w];
    }
    fb[w] ^= Long.lowestOneBit(b);
    int slot = (w << 6) | Long.numberOfTrailingZeros(b);
    cursor = (slot + 1) & (capacity - 1);
    inUse++;
    return slot;
  }

  void free(int slot) {
    bits[slot >>> 6] |= 1L << slot;
    inUse--;
  }

  /** The slot arrays grew to {@code grown} (a power of two): the new slots are free. */
  void grow(int grown) {
    long[] fb = Arrays.copyOf(bits, grown >>> 6);
    Arrays.fill(fb, capacity >>> 6, grown >>> 6, -1L);
    bits = fb;
    capacity = grown;
  }
}

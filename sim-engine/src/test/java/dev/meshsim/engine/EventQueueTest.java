package dev.meshsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What the public API cannot observe: the memory bound under cancellation churn. */
class EventQueueTest {

  @Test
  void timeoutsArmedAndCancelledForeverKeepTheQueueBounded() {
    EventQueue q = new EventQueue();
    Event timeout = () -> {};
    long[] timers = new long[100];
    Arrays.fill(timers, Simulation.NO_TIMER);
    int maxEntries = 0;
    for (int round = 0; round < 300_000; round++) {
      int k = round % timers.length;
      if (timers[k] != Simulation.NO_TIMER) {
        assertTrue(q.cancel(timers[k]));
      }
      timers[k] = q.add(1_000_000_000L + round, timeout);
      maxEntries = Math.max(maxEntries, q.entries());
    }
    assertEquals(100, q.liveSize());
    assertTrue(maxEntries <= 2 * 1024, "entries grew to " + maxEntries);
  }

  @Test
  void cancelledEntriesAtTheTopAreDroppedAndTheirSlotsReused() {
    EventQueue q = new EventQueue();
    Random random = new Random(3);
    Event e = () -> {};
    long time = 0;
    int maxLive = 0;
    for (int round = 0; round < 100_000; round++) {
      long h = q.add(time + random.nextInt(1000), e);
      if (random.nextBoolean()) {
        q.cancel(h);
      }
      if (!q.isEmpty() && random.nextInt(3) == 0) {
        time = q.peekTime();
        assertSame(e, q.removeTop());
      }
      maxLive = Math.max(maxLive, q.liveSize());
      assertTrue(q.entries() <= 2 * maxLive + 1024);
    }
  }

  @Test
  void peekAndRemoveWalkTheTimesInOrder() {
    EventQueue q = new EventQueue();
    Random random = new Random(5);
    Event e = () -> {};
    for (int i = 0; i < 50_000; i++) {
      q.add(random.nextInt(1_000_000), e);
    }
    long last = Long.MIN_VALUE;
    int n = 0;
    while (!q.isEmpty()) {
      long t = q.peekTime();
      assertTrue(t >= last);
      last = t;
      q.removeTop();
      n++;
    }
    assertEquals(50_000, n);
    assertFalse(q.cancel(0));
  }
}

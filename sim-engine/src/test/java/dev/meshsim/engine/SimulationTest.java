package dev.meshsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulationTest {

  private final Simulation sim = new Simulation();
  private final List<String> log = new ArrayList<>();

  private Event record(String name) {
    return () -> log.add(name + "@" + sim.now());
  }

  @Test
  void eventsFireInTimeOrder() {
    sim.schedule(30, record("c"));
    sim.schedule(10, record("a"));
    sim.schedule(20, record("b"));
    sim.scheduleAt(5, record("first"));
    assertEquals(4, sim.runUntilIdle());
    assertEquals(List.of("first@5", "a@10", "b@20", "c@30"), log);
    assertEquals(30, sim.now());
    assertEquals(4, sim.eventsFired());
  }

  @Test
  void equalTimesFireInSchedulingOrder() {
    for (int i = 0; i < 100; i++) {
      sim.schedule(i % 3 == 0 ? 7 : 5, record("e" + i));
    }
    sim.runUntilIdle();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      if (i % 3 != 0) {
        expected.add("e" + i + "@5");
      }
    }
    for (int i = 0; i < 100; i += 3) {
      expected.add("e" + i + "@7");
    }
    assertEquals(expected, log);
  }

  @Test
  void zeroDelayEventsScheduledWhileFiringGoAfterThoseAlreadyDue() {
    // Three events due at 10; the first schedules two more at 10 (delay 0).
    sim.schedule(10, () -> {
      log.add("a");
      sim.schedule(0, record("a1"));
      sim.scheduleAt(10, record("a2"));
    });
    sim.schedule(10, record("b"));
    sim.schedule(10, () -> {
      log.add("c");
      sim.schedule(0, record("c1"));
    });
    sim.schedule(11, record("d"));
    sim.runUntilIdle();
    assertEquals(List.of("a", "b@10", "c", "a1@10", "a2@10", "c1@10", "d@11"), log);
  }

  @Test
  void cancelReturnsTrueOnceAndTheEventNeverFires() {
    long h = sim.schedule(10, record("cancelled"));
    sim.schedule(20, record("kept"));
    assertEquals(2, sim.pendingEvents());
    assertTrue(sim.cancel(h));
    assertFalse(sim.cancel(h));
    assertEquals(1, sim.pendingEvents());
    sim.runUntilIdle();
    assertEquals(List.of("kept@20"), log);
    assertFalse(sim.cancel(h));
  }

  @Test
  void cancellingAStaleHandleCancelsNothing() {
    long fired = sim.schedule(1, record("x"));
    sim.runUntilIdle();
    assertFalse(sim.cancel(fired), "already fired");

    // Reuse slots many times; the old handle must never match a newer event.
    List<Long> handles = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      handles.add(sim.schedule(1, record("n" + i)));
    }
    assertFalse(sim.cancel(fired));
    assertEquals(1000, sim.pendingEvents());
    sim.runUntilIdle();
    assertEquals(1001, log.size());
    for (long h : handles) {
      assertFalse(sim.cancel(h));
    }
  }

  @Test
  void aCancelledHandleStaysDeadAfterItsSlotIsReused() {
    long h = sim.schedule(5, record("a"));
    assertTrue(sim.cancel(h));
    sim.runUntilIdle(); // drops the cancelled entry, freeing its slot
    for (int i = 0; i < 200; i++) {
      sim.schedule(1, record("b" + i));
    }
    assertFalse(sim.cancel(h));
    assertEquals(200, sim.pendingEvents());
  }

  @Test
  void anEventCannotCancelItselfWhileFiring() {
    long[] self = new long[1];
    boolean[] result = new boolean[1];
    self[0] = sim.schedule(3, () -> result[0] = sim.cancel(self[0]));
    sim.runUntilIdle();
    assertFalse(result[0]);
  }

  @Test
  void handlesAreNonNegativeAndDistinct() {
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < 5000; i++) {
      long h = sim.schedule(i % 17, record("e"));
      assertTrue(h >= 0);
      assertTrue(seen.add(h));
      if (i % 2 == 0) {
        sim.step();
      }
    }
    assertFalse(sim.cancel(Simulation.NO_TIMER));
    assertFalse(sim.cancel(Long.MIN_VALUE));
  }

  @Test
  void compactionKeepsOrderAndLiveEvents() {
    Random random = new Random(1);
    int n = 20_000;
    long[] handles = new long[n];
    long[] times = new long[n];
    List<long[]> fired = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int id = i;
      times[i] = random.nextInt(5_000); // many equal times
      handles[i] = sim.schedule(times[i], () -> fired.add(new long[] {sim.now(), id}));
    }
    boolean[] cancelled = new boolean[n];
    int live = n;
    for (int i = 0; i < n; i++) {
      if (random.nextInt(10) != 0) {
        assertTrue(sim.cancel(handles[i]));
        cancelled[i] = true;
        live--;
      }
    }
    assertEquals(live, sim.pendingEvents());
    sim.runUntilIdle();
    assertEquals(live, fired.size());
    List<long[]> expected = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!cancelled[i]) {
        expected.add(new long[] {times[i], i});
      }
    }
    // Expected order: by time, then by scheduling order (= id).
    expected.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    for (int i = 0; i < live; i++) {
      assertEquals(expected.get(i)[0], fired.get(i)[0], "time of firing " + i);
      assertEquals(expected.get(i)[1], fired.get(i)[1], "id of firing " + i);
    }
    assertEquals(0, sim.pendingEvents());
  }

  @Test
  void compactionWhenTheEarliestEventsAreCancelled() {
    // Cancelling in time order means the heap's top is cancelled whenever compaction runs.
    for (int seed = 0; seed < 20; seed++) {
      Simulation s = new Simulation();
      Random random = new Random(seed);
      int n = 3_000;
      long[] times = new long[n];
      long[] handles = new long[n];
      List<Integer> fired = new ArrayList<>();
      Integer[] byTime = new Integer[n];
      for (int i = 0; i < n; i++) {
        int id = i;
        times[i] = random.nextInt(100_000);
        handles[i] = s.schedule(times[i], () -> fired.add(id));
        byTime[i] = i;
      }
      java.util.Arrays.sort(byTime, (a, b) -> Long.compare(times[a], times[b]));
      // Compaction runs at the (n/2 + 1)-th cancellation; cancel a few more in some rounds.
      int cancelCount = n / 2 + 1 + (seed % 3) * 100;
      for (int k = 0; k < cancelCount; k++) {
        assertTrue(s.cancel(handles[byTime[k]]));
      }
      s.runUntilIdle();
      List<Integer> expected = new ArrayList<>();
      for (int k = cancelCount; k < n; k++) {
        expected.add(byTime[k]); // the sort is stable: equal times stay in id order
      }
      assertEquals(expected, fired, "seed " + seed);
    }
  }

  @Test
  void schedulingInThePastThrows() {
    sim.runUntil(100);
    assertThrows(IllegalArgumentException.class, () -> sim.scheduleAt(99, record("x")));
    assertThrows(IllegalArgumentException.class, () -> sim.schedule(-1, record("x")));
    assertThrows(
        IllegalArgumentException.class, () -> sim.schedule(Long.MAX_VALUE - 50, record("x")));
    assertThrows(NullPointerException.class, () -> sim.schedule(1, null));
    assertEquals(0, sim.pendingEvents());
    sim.scheduleAt(100, record("now")); // the present is fine
    sim.runUntilIdle();
    assertEquals(List.of("now@100"), log);
  }

  @Test
  void runUntilFiresDueEventsAndSetsTheClock() {
    sim.schedule(10, record("a"));
    sim.schedule(20, record("b"));
    sim.schedule(21, record("c"));
    assertEquals(2, sim.runUntil(20));
    assertEquals(20, sim.now());
    assertEquals(List.of("a@10", "b@20"), log);
    assertEquals(0, sim.runUntil(20));
    assertEquals(0, sim.runUntil(15)); // never moves the clock back
    assertEquals(20, sim.now());
    assertEquals(1, sim.runUntil(1_000));
    assertEquals(1_000, sim.now());
    assertEquals(0, sim.runUntil(2_000));
    assertEquals(2_000, sim.now());
  }

  @Test
  void stopEndsTheRunAfterTheCurrentEvent() {
    sim.schedule(1, record("a"));
    sim.schedule(2, () -> {
      log.add("stop");
      sim.stop();
    });
    sim.schedule(3, record("c"));
    assertEquals(2, sim.runUntil(100));
    assertEquals(2, sim.now(), "a stopped run leaves the clock at the last event");
    assertEquals(1, sim.runUntilIdle());
    assertEquals(List.of("a@1", "stop", "c@3"), log);
  }

  @Test
  void stepFiresOneEvent() {
    assertFalse(sim.step());
    sim.schedule(4, record("a"));
    long h = sim.schedule(5, record("b"));
    sim.schedule(6, record("c"));
    sim.cancel(h);
    assertTrue(sim.step());
    assertEquals(List.of("a@4"), log);
    assertTrue(sim.step());
    assertEquals(List.of("a@4", "c@6"), log);
    assertFalse(sim.step());
    assertEquals(6, sim.now());
  }

  @Test
  void cancelledEventsInsideATieGroupAreSkipped() {
    long[] h = new long[10];
    for (int i = 0; i < 10; i++) {
      h[i] = sim.schedule(50, record("e" + i));
    }
    sim.cancel(h[0]);
    sim.cancel(h[4]);
    sim.schedule(49, () -> {
      // Fires just before the group; cancels more of it, including the one now first.
      sim.cancel(h[1]);
      sim.cancel(h[9]);
    });
    sim.schedule(50, () -> log.add("late cancel " + sim.cancel(h[6]))); // after e0..e9: too late
    sim.runUntil(50);
    assertEquals(
        List.of("e2@50", "e3@50", "e5@50", "e6@50", "e7@50", "e8@50", "late cancel false"), log);
  }

  @Test
  void cancellingWithinATieGroupWhileItFires() {
    long[] h = new long[6];
    for (int i = 0; i < 6; i++) {
      int id = i;
      h[i] = sim.schedule(10, () -> {
        log.add("e" + id);
        if (id == 1) {
          assertTrue(sim.cancel(h[3]));
          assertFalse(sim.cancel(h[0]));
          assertFalse(sim.cancel(h[1]));
        }
      });
    }
    assertEquals(6, sim.pendingEvents());
    assertTrue(sim.step());
    assertEquals(5, sim.pendingEvents());
    sim.runUntilIdle();
    assertEquals(List.of("e0", "e1", "e2", "e4", "e5"), log);
    assertEquals(0, sim.pendingEvents());
  }

  @Test
  void largeTieGroupsFireInOrder() {
    // Beyond the insertion-sort threshold: the merge sort path.
    Random random = new Random(7);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      int id = i;
      sim.schedule(random.nextInt(3), () -> order.add(id));
    }
    // Ids per time, in id order, is the expected firing order.
    sim.runUntilIdle();
    assertEquals(5_000, order.size());
    Random replay = new Random(7);
    List<List<Integer>> byTime = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < 5_000; i++) {
      byTime.get(replay.nextInt(3)).add(i);
    }
    List<Integer> expected = new ArrayList<>();
    byTime.forEach(expected::addAll);
    assertEquals(expected, order);
  }

  @Test
  void oneEventObjectCanBePendingManyTimes() {
    int[] count = new int[1];
    Event e = () -> count[0]++;
    long h1 = sim.schedule(1, e);
    sim.schedule(1, e);
    sim.schedule(2, e);
    assertTrue(sim.cancel(h1));
    sim.runUntilIdle();
    assertEquals(2, count[0]);
  }
}

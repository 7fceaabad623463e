package dev.meshsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random programs of schedule / cancel / step / runUntil operations, run on a {@link Simulation} and
 * on an obviously correct reference model (a sorted set of (time, sequence) entries). Fired events,
 * return values, pending counts and the clock must agree after every operation. Delays are small so
 * that equal times are frequent, events may schedule a child when fired (also with delay 0), and
 * bursts of schedulings and cancellations push the queue through compaction.
 */
class SimulationPropertyTest {

  sealed interface Op {}

  /** Schedules one event; when fired, it schedules a child {@code childDelay} later unless < 0. */
  record Schedule(int delay, int childDelay) implements Op {}

  /** Schedules {@code count} events with delays {@code (i * stride) % 41}. */
  record Burst(int count, int stride) implements Op {}

  /** Cancels the event created {@code which} (modulo the number created) — possibly stale. */
  record Cancel(int which) implements Op {}

  /** Cancels every {@code step}-th event created, starting at {@code from}. */
  record CancelMany(int from, int step) implements Op {}

  record Step() implements Op {}

  record RunUntil(int advance) implements Op {}

  @Provide
  Arbitrary<List<Op>> programs() {
    Arbitrary<Op> schedule =
        Arbitraries.integers()
            .between(0, 20)
            .flatMap(d -> Arbitraries.integers().between(-3, 4).map(c -> new Schedule(d, c)));
    Arbitrary<Op> burst =
        Arbitraries.integers()
            .between(1, 700)
            .flatMap(n -> Arbitraries.integers().between(0, 40).map(s -> new Burst(n, s)));
    Arbitrary<Op> cancel = Arbitraries.integers().between(0, 100_000).map(Cancel::new);
    Arbitrary<Op> cancelMany =
        Arbitraries.integers()
            .between(0, 5)
            .flatMap(f -> Arbitraries.integers().between(1, 4).map(s -> new CancelMany(f, s)));
    Arbitrary<Op> step = Arbitraries.just(new Step());
    Arbitrary<Op> runUntil = Arbitraries.integers().between(0, 30).map(RunUntil::new);
    Arbitrary<Op> op =
        Arbitraries.frequencyOf(
            Tuple.of(30, schedule),
            Tuple.of(3, burst),
            Tuple.of(20, cancel),
            Tuple.of(2, cancelMany),
            Tuple.of(15, step),
            Tuple.of(6, runUntil));
    return op.list().ofMaxSize(80);
  }

  @Property(tries = 300)
  void theSimulationAgreesWithTheReferenceModel(@ForAll("programs") List<Op> program) {
    Real real = new Real();
    Model model = new Model();
    for (Op op : program) {
      long before = real.sim.now();
      if (op instanceof Schedule s) {
        real.schedule(s.delay(), s.childDelay());
        model.schedule(s.delay(), s.childDelay());
      } else if (op instanceof Burst b) {
        for (int i = 0; i < b.count(); i++) {
          int delay = (i * b.stride()) % 41;
          real.schedule(delay, -1);
          model.schedule(delay, -1);
        }
      } else if (op instanceof Cancel c) {
        assertEquals(model.cancel(c.which()), real.cancel(c.which()), "cancel");
      } else if (op instanceof CancelMany c) {
        for (int i = c.from(); i < model.created(); i += c.step()) {
          assertEquals(model.cancel(i), real.cancel(i), "cancel " + i);
        }
      } else if (op instanceof Step) {
        assertEquals(model.step(), real.sim.step(), "step");
      } else if (op instanceof RunUntil r) {
        long end = model.now + r.advance();
        assertEquals(model.runUntil(end), real.sim.runUntil(end), "events fired by runUntil");
      }
      assertTrue(real.sim.now() >= before, "the clock went backwards");
      assertEquals(model.now, real.sim.now(), "clock after " + op);
      assertEquals(model.pending.size(), real.sim.pendingEvents(), "pending after " + op);
      assertEquals(model.fired, real.fired, "fired after " + op);
    }
    assertEquals(model.runUntilIdle(), real.sim.runUntilIdle());
    assertEquals(model.fired, real.fired);
    assertEquals(0, real.sim.pendingEvents());
  }

  /** The engine under test. Ids are assigned in creation order, as in the model. */
  static final class Real {
    final Simulation sim = new Simulation();
    final List<Long> handles = new ArrayList<>();
    final List<String> fired = new ArrayList<>();
    long lastFiring = Long.MIN_VALUE;

    void schedule(int delay, int childDelay) {
      int id = handles.size();
      handles.add(
          sim.schedule(
              delay,
              () -> {
                assertTrue(sim.now() >= lastFiring, "the clock went backwards");
                lastFiring = sim.now();
                fired.add(id + "@" + sim.now());
                if (childDelay >= 0) {
                  schedule(childDelay, -1);
                }
              }));
    }

    boolean cancel(int which) {
      return !handles.isEmpty() && sim.cancel(handles.get(which % handles.size()));
    }
  }

  /** The reference: a sorted set of pending entries, ordered by (time, sequence). */
  static final class Model {
    record Entry(long time, long seq, int id, int childDelay) {}

    final TreeSet<Entry> pending =
        new TreeSet<>(Comparator.comparingLong(Entry::time).thenComparingLong(Entry::seq));
    final List<Entry> all = new ArrayList<>();
    final List<String> fired = new ArrayList<>();
    long now;
    long seq;

    int created() {
      return all.size();
    }

    void schedule(int delay, int childDelay) {
      Entry e = new Entry(now + delay, seq++, all.size(), childDelay);
      all.add(e);
      pending.add(e);
    }

    boolean cancel(int which) {
      return !all.isEmpty() && pending.remove(all.get(which % all.size()));
    }

    boolean step() {
      Entry e = pending.pollFirst();
      if (e == null) {
        return false;
      }
      now = e.time();
      fired.add(e.id() + "@" + now);
      if (e.childDelay() >= 0) {
        schedule(e.childDelay(), -1);
      }
      return true;
    }

    long runUntil(long end) {
      long count = 0;
      while (!pending.isEmpty() && pending.first().time() <= end) {
        step();
        count++;
      }
      now = Math.max(now, end);
      return count;
    }

    long runUntilIdle() {
      long count = 0;
      while (step()) {
        count++;
      }
      return count;
    }
  }
}

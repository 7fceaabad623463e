package dev.meshsim.bench;

import dev.meshsim.engine.Event;
import dev.meshsim.engine.Simulation;
import dev.meshsim.engine.random.RandomStream;
import dev.meshsim.engine.random.RandomStreams;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The classic <em>hold model</em> of event-set benchmarking (Vaucher and Duval, 1975; Jones, 1986):
 * {@code size} events are pending; each operation removes the earliest one and schedules a new one
 * an exponentially distributed time after it, so the number of pending events stays constant.
 *
 * <p>The variants run with identical random-number cost (one {@link
 * RandomStream#nextExponential(double)} per hold, from a stream of the same name and seed):
 *
 * <ul>
 *   <li>{@link #engine} goes through the engine's real dispatch: {@link Simulation#step()} pops the
 *       earliest event, advances the clock and calls {@link Event#fire()}, and the fired event
 *       reschedules itself with {@link Simulation#schedule}. This pays for everything the engine
 *       does: FIFO order of equal times, cancellation slots and handles, the clock, the interface
 *       call. One {@link Hold} instance is pending {@code size} times, so what is measured is the
 *       engine, not cache misses on the model's objects.
 *   <li>{@link #engineDistinctEvents} is the same with {@code size} distinct {@link Hold} instances,
 *       one per pending event: each firing then also touches a different object, a cache miss at
 *       10^5 and more pending events that any engine dispatching to the model's objects pays and the
 *       bare heap, whose payload is never dereferenced, does not.
 *   <li>{@link #bareHeap} is the lower bound: a 4-ary min-heap on a {@code long[]} of times and an
 *       {@code int[]} payload, no sequence numbers, no cancellation, no dispatch.
 * </ul>
 *
 * <p>One JMH operation is one hold, so the reported ops/s are holds per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HoldBenchmark {

  /**
   * Mean hold time in nanoseconds: 1 s, so that even with 10^6 pending events their times are about
   * 1 µs apart and equal times are rare, as in the continuous-time hold model.
   */
  static final double MEAN_DELAY_NANOS = 1_000_000_000;

  static final long SEED = 42;

  @Param({"1000", "100000", "1000000"})
  int size;

  /** The engine: one {@link Hold} event pending {@code size} times. */
  @State(Scope.Thread)
  public static class EngineState {
    Simulation sim;

    @Setup(Level.Trial)
    public void setUp(HoldBenchmark params) {
      sim = new Simulation();
      RandomStream rng = new RandomStreams(SEED).stream("hold");
      Hold hold = new Hold(sim, rng);
      for (int i = 0; i < params.size; i++) {
        sim.schedule(delay(rng), hold);
      }
    }
  }

  /** The engine with {@code size} distinct {@link Hold} events pending. */
  @State(Scope.Thread)
  public static class DistinctEventsState {
    Simulation sim;

    @Setup(Level.Trial)
    public void setUp(HoldBenchmark params) {
      sim = new Simulation();
      RandomStream rng = new RandomStreams(SEED).stream("hold");
      for (int i = 0; i < params.size; i++) {
        sim.schedule(delay(rng), new Hold(sim, rng));
      }
    }
  }

  /** An event that, when fired, schedules itself again an exponential time later. */
  static final class Hold implements Event {
    private final Simulation sim;
    private final RandomStream rng;

    Hold(Simulation sim, RandomStream rng) {
      this.sim = sim;
      this.rng = rng;
    }

    @Override
    public void fire() {
      sim.schedule(delay(rng), this);
    }
  }

  /** The bare heap with {@code size} entries pending. */
  @State(Scope.Thread)
  public static class BareState {
    BareHeap heap;
    RandomStream rng;

    @Setup(Level.Trial)
    public void setUp(HoldBenchmark params) {
      heap = new BareHeap(params.size);
      rng = new RandomStreams(SEED).stream("hold");
      for (int i = 0; i < params.size; i++) {
        heap.add(delay(rng), i);
      }
    }
  }

  static long delay(RandomStream rng) {
    return (long) rng.nextExponential(MEAN_DELAY_NANOS);
  }

  /** One hold through the engine. */
  @Benchmark
  public boolean engine(EngineState s) {
    return s.sim.step();
  }

  /** One hold through the engine, every pending event a different object. */
  @Benchmark
  public boolean engineDistinctEvents(DistinctEventsState s) {
    return s.sim.step();
  }

  /** One hold on the bare heap: pop the earliest entry, push it back a random delay later. */
  @Benchmark
  public long bareHeap(BareState s) {
    BareHeap heap = s.heap;
    long now = heap.peekTime();
    int payload = heap.poll();
    heap.add(now + delay(s.rng), payload);
    return now;
  }
}

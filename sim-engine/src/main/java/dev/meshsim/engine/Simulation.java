package dev.meshsim.engine;

import java.util.Objects;

/**
 * One simulation run: a clock, the pending events, and the loop that fires them in order.
 *
 * <p>Time is a {@code long} count of nanoseconds from the start of the run. Events scheduled for the
 * same instant fire in the order they were scheduled. The clock never moves backwards: scheduling in
 * the past is a programming error and throws.
 *
 * <p>A run is single-threaded by design; determinism comes from the (time, sequence) order of events
 * and from drawing every random number from a {@link RandomStreams named stream}. Independent runs
 * (seeds, sweep points) may execute in parallel, each with its own {@code Simulation}.
 */
public final class Simulation {
  /** Returned by {@link #schedule} never; usable by callers as "no timer armed". */
  public static final long NO_TIMER = -1L;

  private final EventQueue queue = new EventQueue();
  private long now;
  private long fired;
  private boolean stopRequested;

  /** Current simulated time in nanoseconds. */
  public long now() {
    return now;
  }

  /** Number of events fired so far. */
  public long eventsFired() {
    return fired;
  }

  /** Number of live pending events. */
  public int pendingEvents() {
    return queue.liveSize();
  }

  /**
   * Schedules {@code event} to fire {@code delayNanos} from now and returns a handle for {@link
   * #cancel(long)}. Handles are never negative.
   *
   * @throws IllegalArgumentException if the delay is negative or the time would overflow
   */
  public long schedule(long delayNanos, Event event) {
    if (delayNanos < 0 || delayNanos > Long.MAX_VALUE - now) {
      throw delayOutOfRange(delayNanos);
    }
    if (EventKinds.ON) {
      EventKinds.scheduled();
    }
    return queue.add(now + delayNanos, Objects.requireNonNull(event, "event"));
  }

  /** Schedules {@code event} at absolute time {@code timeNanos}, which must not be in the past. */
  public long scheduleAt(long timeNanos, Event event) {
    if (timeNanos < now) {
      throw inThePast(timeNanos);
    }
    if (EventKinds.ON) {
      EventKinds.scheduled();
    }
    return queue.add(timeNanos, Objects.requireNonNull(event, "event"));
  }

  // The exceptions are built out of line so that schedule() compiles small enough for the JIT to
  // inline it into the events that call it (string concatenation alone made it too big).

  private IllegalArgumentException delayOutOfRange(long delayNanos) {
    return new IllegalArgumentException("delay out of range: " + delayNanos + "ns at " + now + "ns");
  }

  private IllegalArgumentException inThePast(long timeNanos) {
    return new IllegalArgumentException(
        "cannot schedule at " + timeNanos + "ns: the clock is already at " + now + "ns");
  }

  /**
   * Cancels a scheduled event in O(1). Returns false when the handle is {@link #NO_TIMER}, or the
   * event already fired or was cancelled, so callers may cancel unconditionally.
   */
  public boolean cancel(long handle) {
    return handle != NO_TIMER && queue.cancel(handle);
  }

  /** Asks the running loop to return after the current event. */
  public void stop() {
    stopRequested = true;
  }

  /**
   * Fires every event due at or before {@code endNanos}, then sets the clock to {@code endNanos}
   * (unless stopped early). Returns the number of events fired by this call.
   */
  public long runUntil(long endNanos) {
    long before = fired;
    stopRequested = false;
    while (!stopRequested) {
      Event event = queue.poll(endNanos);
      if (event == null) {
        break;
      }
      fire(event);
    }
    if (!stopRequested && endNanos > now) {
      now = endNanos;
    }
    return fired - before;
  }

  /** Fires events until none are pending or {@link #stop()} is called. */
  public long runUntilIdle() {
    long before = fired;
    stopRequested = false;
    while (!stopRequested) {
      Event event = queue.poll(Long.MAX_VALUE);
      if (event == null) {
        break;
      }
      fire(event);
    }
    return fired - before;
  }

  /**
   * Fires the single earliest pending event, advancing the clock to its time, and returns true; or
   * returns false, doing nothing, when no event is pending. Ignores {@link #stop()}. Meant for
   * stepping a run by hand (debuggers, tests) and for the hold-model benchmark, which measures the
   * cost of one dispatch.
   */
  public boolean step() {
    Event event = queue.poll(Long.MAX_VALUE);
    if (event == null) {
      return false;
    }
    fire(event);
    return true;
  }

  /** Fires {@code event}, just polled from the queue. */
  private void fire(Event event) {
    now = queue.polledTime();
    fired++;
    event.fire();
  }
}

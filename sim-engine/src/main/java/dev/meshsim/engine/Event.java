package dev.meshsim.engine;

/**
 * Something that happens at one instant of simulated time. The engine calls {@link #fire()} exactly
 * once, at the time the event was scheduled for, unless it was cancelled first.
 *
 * <p>Events are plain objects so that a model can reuse one instance for many firings (a load
 * generator's next arrival, say) and avoid an allocation per event on the hot path.
 */
@FunctionalInterface
public interface Event {
  void fire();
}

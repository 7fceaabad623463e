package dev.meshsim.result;

/**
 * Hears every counted load-generator request once, when it ends, in simulated-time order. Called on
 * the simulation's thread; it must not keep what it is given unless it means to (the access log
 * writes each line and forgets it).
 */
@FunctionalInterface
public interface RequestListener {
  void finished(FinishedRequest request);
}

package dev.meshsim.plan;

import dev.meshsim.scenario.Scenario;

/**
 * What a question varies, indexed by an integer key: the lattice index of an arrival rate, a
 * replica count, the index of a sweep's grid point. Keys are what searches, the sample cache and
 * shards agree on; values are what users read.
 */
public interface Parameter {

  /** What varies, for reports: {@code arrival rate of load users}, {@code replicas of svc-a}. */
  String describe();

  /** The unit of the values: {@code requests/s}, {@code connections}, {@code replicas}, or empty. */
  String unit();

  /** The scenario at {@code key} (its seed is replaced per replication). */
  Scenario at(long key);

  /** The value at {@code key} for JSON: a Double, a Long, or a map of path to value (sweeps). */
  Object value(long key);

  /** The value at {@code key} as the text table and the chart print it. */
  String label(long key);

  /** The value as a number for the chart's x axis ({@code key} itself for a sweep). */
  double numeric(long key);
}

package dev.meshsim.result;

import java.util.List;

/**
 * What a run measured over time, next to the totals: a time series of requests by code and flag,
 * the phases between timeline actions, the windows in which requests failed, how long each change
 * took to reach the sidecars, istiod's pushes and the pods' lifecycle events.
 *
 * @param bucketNanos width of the time-series buckets
 * @param actions the timeline's actions, each {@code at} and a description
 * @param series buckets from the warmup to the duration, by request start time; empty without
 *     timeline actions (no report shows it then, and it would grow with the duration)
 * @param phases from the warmup, one per timeline action inside the measured window
 * @param failureWindows in time order
 * @param convergence per config or endpoints change, in the order they happened
 * @param pushes istiod's pushes, in order
 * @param podEvents pod lifecycle events, in time order
 */
public record TimelineResult(
    long bucketNanos,
    List<Action> actions,
    List<TimeBucket> series,
    List<Phase> phases,
    List<FailureWindow> failureWindows,
    List<Convergence> convergence,
    List<PushRecord> pushes,
    List<PodEvent> podEvents) {

  /** One timeline action. */
  public record Action(long atNanos, String description) {}

  public TimelineResult {
    actions = List.copyOf(actions);
    series = List.copyOf(series);
    phases = List.copyOf(phases);
    failureWindows = List.copyOf(failureWindows);
    convergence = List.copyOf(convergence);
    pushes = List.copyOf(pushes);
    podEvents = List.copyOf(podEvents);
  }
}

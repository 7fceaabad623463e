package dev.meshsim.timeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changes during a run and how fast the cluster follows: the scenario's {@code timeline}
 * (sorted by time, stable for equal times), its {@code controlPlane} and {@code lifecycle} blocks,
 * and the time-series bucket of the reports ({@code report.bucket}).
 *
 * @param events the actions, in time order
 * @param controlPlane API server, istiod and xDS delivery
 * @param lifecycle pod start and stop settings for every Deployment without its own
 * @param lifecycles per Deployment, keyed {@code namespace/name}
 * @param bucketNanos width of the time-series buckets
 */
public record Timeline(
    List<TimelineEvent> events,
    ControlPlaneSettings controlPlane,
    PodLifecycle lifecycle,
    Map<String, PodLifecycle> lifecycles,
    long bucketNanos) {

  public static final long DEFAULT_BUCKET_NANOS = 1_000_000_000L;

  /** No change during the run, default settings. */
  public static final Timeline NONE = new Timeline(
      List.of(), ControlPlaneSettings.DEFAULTS, PodLifecycle.DEFAULTS, Map.of(), DEFAULT_BUCKET_NANOS);

  public Timeline {
    events = List.copyOf(events);
    lifecycles = Collections.unmodifiableMap(new LinkedHashMap<>(lifecycles));
    if (bucketNanos <= 0) {
      throw new IllegalArgumentException("bucketNanos must be > 0");
    }
  }

  /** The lifecycle of the Deployment {@code namespace/name}. */
  public PodLifecycle lifecycleOf(String namespace, String name) {
    return lifecycles.getOrDefault(namespace + "/" + name, lifecycle);
  }

  /** A copy with other events. */
  public Timeline withEvents(List<TimelineEvent> newEvents) {
    return new Timeline(newEvents, controlPlane, lifecycle, lifecycles, bucketNanos);
  }

  /** A copy with other control-plane settings. */
  public Timeline withControlPlane(ControlPlaneSettings settings) {
    return new Timeline(events, settings, lifecycle, lifecycles, bucketNanos);
  }
}

package dev.meshsim.timeline;

import dev.meshsim.engine.random.Distribution;
import dev.meshsim.app.HttpRequestSpec;
import java.util.List;

/**
 * How a Deployment's pods start and stop when the timeline creates or deletes them (pods that exist
 * at time 0 are already running and ready). The scenario's {@code lifecycle} block.
 *
 * @param sidecarStartup from container start until Envoy asks istiod for its config (pilot-agent
 *     and Envoy boot); Envoy is ready once that first config is applied
 * @param appStartup from container start until the app listens (then it makes its startup calls)
 * @param holdApplicationUntilProxyStarts Istio's option: the app container starts only once Envoy
 *     is ready
 * @param readinessDelay from both containers being ready until kubelet's probe marks the pod Ready
 * @param terminationDrainNanos Istio's {@code terminationDrainDuration}: how long a deleted pod's
 *     Envoy keeps serving before it exits
 * @param restartBackoffNanos kubelet's first CrashLoopBackOff delay (doubling, at most 5 minutes);
 *     the first restart after a crash is immediate
 * @param startupCalls calls the app makes, in order, when it starts; a failed one makes it exit
 */
public record PodLifecycle(
    Distribution sidecarStartup,
    Distribution appStartup,
    boolean holdApplicationUntilProxyStarts,
    Distribution readinessDelay,
    long terminationDrainNanos,
    long restartBackoffNanos,
    List<HttpRequestSpec> startupCalls) {

  private static final long MS = 1_000_000L;

  public static final PodLifecycle DEFAULTS = new PodLifecycle(
      new Distribution.LogNormal(1_000 * MS, 0.25),
      new Distribution.LogNormal(1_000 * MS, 0.25),
      false,
      new Distribution.Constant(1_000 * MS),
      5_000 * MS,
      10_000 * MS,
      List.of());

  public PodLifecycle {
    startupCalls = List.copyOf(startupCalls);
  }
}

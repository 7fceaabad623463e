/**
 * What changes during a run, as the scenario states it: the {@link dev.meshsim.timeline.Timeline}
 * of {@link dev.meshsim.timeline.TimelineEvent}s (apply, delete, scale, kill, restart, rollout,
 * failure), each Deployment's {@link dev.meshsim.timeline.PodLifecycle}, and the control plane's
 * {@link dev.meshsim.timeline.ControlPlaneSettings}. Immutable records.
 *
 * <p>Uses the Istio records and two scenario records ({@code FailureMode}, {@code
 * HttpRequestSpec}); the scenario binders build it, which makes scenario and timeline the one
 * package cycle left.
 */
package dev.meshsim.timeline;

/**
 * What changes during a run, as the scenario states it: the {@link dev.meshsim.timeline.Timeline}
 * of {@link dev.meshsim.timeline.TimelineEvent}s (apply, delete, scale, kill, restart, rollout,
 * failure), each Deployment's {@link dev.meshsim.timeline.PodLifecycle}, and the control plane's
 * {@link dev.meshsim.timeline.ControlPlaneSettings}. Immutable records.
 *
 * <p>May use the Istio records ({@code dev.meshsim.istio}), the app's records ({@code
 * dev.meshsim.app}: the failure action's {@code FailureMode}, the startup calls' {@code
 * HttpRequestSpec}) and the engine's distributions; never {@code dev.meshsim.scenario}, whose
 * binders build these records (so the dependency runs one way).
 */
package dev.meshsim.timeline;

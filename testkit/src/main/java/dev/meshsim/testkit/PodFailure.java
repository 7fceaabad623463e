package dev.meshsim.testkit;

import dev.meshsim.scenario.Durations;
import dev.meshsim.timeline.TimelineEvent;
import dev.meshsim.timeline.TimelineEvent.DeploymentRef;

/**
 * Pods of one Deployment killed at once (SIGKILL: an OOM kill, a node lost), as the timeline's
 * {@code kill} does it.
 *
 * @param deployment the Deployment
 * @param atNanos when
 * @param pods how many pods, oldest first
 */
public record PodFailure(DeploymentRef deployment, long atNanos, int pods) {

  public TimelineEvent.Kill event() {
    return new TimelineEvent.Kill(atNanos, deployment, pods);
  }

  @Override
  public String toString() {
    return "kill " + pods + " of " + deployment + " at " + Durations.format(atNanos);
  }
}

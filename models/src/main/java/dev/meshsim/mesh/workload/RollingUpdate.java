package dev.meshsim.mesh.workload;

import dev.meshsim.mesh.datapath.Pod;
import dev.meshsim.timeline.TimelineEvent.IntOrPercent;
import java.util.ArrayList;
import java.util.List;

/**
 * A Deployment's rolling update ({@code pkg/controller/deployment/rolling.go}): scale the new
 * ReplicaSet up to {@code desired + maxSurge} pods in all, and the old one down while at least
 * {@code desired - maxUnavailable} pods stay available.
 */
public final class RollingUpdate {
  private final Deployment d;
  private final IntOrPercent maxSurge;
  private final IntOrPercent maxUnavailable;
  /** The pods of the old ReplicaSet still there. */
  private final List<Pod> oldPods;
  private boolean done;

  /** Replaces {@code oldPods}, the Deployment's live pods when the rollout starts. */
  RollingUpdate(Deployment d, IntOrPercent maxSurge, IntOrPercent maxUnavailable, List<Pod> oldPods) {
    this.d = d;
    this.maxSurge = maxSurge;
    this.maxUnavailable = maxUnavailable;
    this.oldPods = oldPods;
  }

  /** Every old pod is gone and every new one is ready. */
  boolean done() {
    return done;
  }

  void forget(Pod pod) {
    oldPods.remove(pod);
  }

  /** One sync; true if it created or deleted a pod. */
  boolean step() {
    List<Pod> live = d.live();
    List<Pod> old = new ArrayList<>();
    List<Pod> fresh = new ArrayList<>();
    for (Pod p : live) {
      (oldPods.contains(p) ? old : fresh).add(p);
    }
    int desired = d.desired();
    int surge = maxSurge.resolve(desired, true);
    int unavailable = maxUnavailable.resolve(desired, false);
    if (surge == 0 && unavailable == 0) {
      unavailable = 1; // Kubernetes' fencepost fix-up
    }
    int scaleUp = Math.min(desired + surge - live.size(), desired - fresh.size());
    for (int i = 0; i < scaleUp; i++) {
      fresh.add(d.createPod());
    }
    List<Pod> down = scaleDownOld(old, fresh, desired - unavailable);
    if (old.isEmpty() && fresh.size() >= desired && fresh.stream().allMatch(Pod::ready)) {
      done = true;
      oldPods.clear();
    }
    return scaleUp > 0 || !down.isEmpty();
  }

  /** Deletes old pods while {@code minAvailable} stay available, counting unready new ones as not. */
  private List<Pod> scaleDownOld(List<Pod> old, List<Pod> fresh, int minAvailable) {
    int freshUnavailable = 0;
    for (Pod p : fresh) {
      if (!p.ready()) {
        freshUnavailable++;
      }
    }
    int maxScaledDown = old.size() + fresh.size() - minAvailable - freshUnavailable;
    List<Pod> down = Deployment.pickForScaleDown(old, Math.min(maxScaledDown, old.size()));
    for (Pod p : List.copyOf(down)) {
      oldPods.remove(p);
      d.terminate(p);
      old.remove(p);
    }
    return down;
  }
}

package dev.meshsim.mesh;

import dev.meshsim.mesh.workload.Workloads;
import dev.meshsim.engine.Simulation;
import dev.meshsim.engine.random.Distribution.Sampler;
import dev.meshsim.engine.random.RandomStream;
import dev.meshsim.engine.random.RandomStreams;
import dev.meshsim.mesh.xds.ConvergenceTracker;
import dev.meshsim.mesh.xds.Istiod;
import dev.meshsim.timeline.ControlPlaneSettings;
import dev.meshsim.timeline.Timeline;
import dev.meshsim.timeline.TimelineEvent;
import dev.meshsim.timeline.TimelineEvent.IstioObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Plays the scenario's timeline. An apply's objects reach istiod's informers one by one: kubectl
 * sends them in turn and istiod watches each kind on its own stream, so their order (file, reverse,
 * or drawn from the seed) and the gaps between them come from {@link ControlPlaneSettings}. A
 * delete reaches istiod after one gap. Pod actions go to the controllers at once.
 */
final class TimelineDriver {
  private final Simulation sim;
  private final RandomStreams streams;
  private final Timeline timeline;
  private final Istiod istiod;
  private final Workloads workloads;

  TimelineDriver(Simulation sim, RandomStreams streams, Timeline timeline, Istiod istiod, Workloads workloads) {
    this.sim = sim;
    this.streams = streams;
    this.timeline = timeline;
    this.istiod = istiod;
    this.workloads = workloads;
  }

  void start() {
    List<TimelineEvent> events = timeline.events();
    for (int i = 0; i < events.size(); i++) {
      TimelineEvent e = events.get(i);
      int index = i;
      sim.scheduleAt(e.atNanos(), () -> fire(index, e));
    }
  }

  private void fire(int index, TimelineEvent e) {
    ControlPlaneSettings cp = timeline.controlPlane();
    String prefix = "timeline/" + index + "/";
    if (e instanceof TimelineEvent.Apply a) {
      List<IstioObject> objects = order(a.objects(), cp, streams.stream(prefix + "order"));
      ConvergenceTracker.Change change = istiod.openChange(a.describe(), true, objects.size());
      Sampler gap = cp.applyGap().sampler(streams.stream(prefix + "gaps"));
      long at = sim.now();
      for (IstioObject o : objects) {
        at += Math.max(0, Math.round(gap.sample()));
        sim.scheduleAt(at, () -> istiod.apply(o, change));
      }
    } else if (e instanceof TimelineEvent.Delete d) {
      ConvergenceTracker.Change change = istiod.openChange(d.describe(), true, 1);
      Sampler gap = cp.applyGap().sampler(streams.stream(prefix + "gaps"));
      sim.schedule(Math.max(0, Math.round(gap.sample())),
          () -> istiod.delete(d.kind(), d.namespace(), d.name(), change));
    } else if (e instanceof TimelineEvent.Scale s) {
      workloads.scale(s.deployment(), s.replicas());
    } else if (e instanceof TimelineEvent.Kill k) {
      workloads.kill(k.deployment(), k.pods());
    } else if (e instanceof TimelineEvent.Restart r) {
      workloads.restart(r.deployment(), r.pods());
    } else if (e instanceof TimelineEvent.Rollout r) {
      workloads.rollout(r.deployment(), r.maxSurge(), r.maxUnavailable());
    } else if (e instanceof TimelineEvent.Failure f) {
      workloads.failure(f.deployment(), f.pods(), f.mode());
    } else {
      throw new IllegalStateException("unknown timeline event " + e);
    }
  }

  private static List<IstioObject> order(List<IstioObject> objects, ControlPlaneSettings cp, RandomStream random) {
    List<IstioObject> out = new ArrayList<>(objects);
    switch (cp.applyOrder()) {
      case FILE -> { }
      case REVERSE -> Collections.reverse(out);
      case RANDOM -> {
        for (int i = out.size() - 1; i > 0; i--) { // Fisher-Yates
          Collections.swap(out, i, random.nextInt(i + 1));
        }
      }
    }
    return out;
  }
}

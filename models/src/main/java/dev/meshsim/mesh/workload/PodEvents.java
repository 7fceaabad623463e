package dev.meshsim.mesh.workload;

import dev.meshsim.mesh.datapath.Pod;
import dev.meshsim.engine.Simulation;
import dev.meshsim.result.PodEvent;
import java.util.ArrayList;
import java.util.List;

/** What happened to the timeline's pods, in time order, as {@code kubectl get events} would tell. */
public final class PodEvents {
  private final Simulation sim;
  private final List<PodEvent> events = new ArrayList<>();

  public PodEvents(Simulation sim) {
    this.sim = sim;
  }

  void log(Pod pod, String what) {
    events.add(new PodEvent(sim.now(), pod.name(), what));
  }

  List<PodEvent> all() {
    return List.copyOf(events);
  }
}

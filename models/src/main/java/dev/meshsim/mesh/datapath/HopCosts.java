package dev.meshsim.mesh.datapath;

import dev.meshsim.engine.random.Distribution.Sampler;
import dev.meshsim.engine.random.RandomStreams;
import dev.meshsim.scenario.MeshSettings;

/**
 * One pod's fixed data-path costs, each drawn from the pod's own streams. These hops have no queue
 * (Envoy's workers and the kernel are modelled as never saturated), so they are folded into the
 * delay of the next event that does contend, rather than costing an event each.
 */
public final class HopCosts {
  private final Sampler iptables;
  private final Sampler processing;
  private final Sampler network;

  public HopCosts(MeshSettings mesh, RandomStreams streams, String podName) {
    this.iptables = mesh.iptablesHop().sampler(streams.stream("pod/" + podName + "/iptables"));
    this.processing = mesh.sidecarProcessing().sampler(streams.stream("pod/" + podName + "/sidecar"));
    this.network = mesh.networkLatency().sampler(streams.stream("pod/" + podName + "/network"));
  }

  /** One iptables REDIRECT traversal between the app and its sidecar. */
  long iptablesHop() {
    return nanos(iptables.sample());
  }

  /** One message through this pod's Envoy. */
  long sidecarProcessing() {
    return nanos(processing.sample());
  }

  /**
   * One pass between the app and its sidecar, either way: an iptables REDIRECT traversal and the
   * Envoy's processing of the message.
   */
  long sidecarPass() {
    return iptablesHop() + sidecarProcessing();
  }

  /** One-way network latency of a message this pod sends. */
  long network() {
    return nanos(network.sample());
  }

  private static long nanos(double value) {
    return Math.max(0, Math.round(value));
  }
}

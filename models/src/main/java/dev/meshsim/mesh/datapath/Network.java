package dev.meshsim.mesh.datapath;

import java.util.HashMap;
import java.util.Map;

/**
 * The pod network: which pod holds which IP. A sidecar resolves an endpoint's address here once,
 * when the host joins one of its clusters. Pod IPs are never reused within a run.
 */
public final class Network {
  private final Map<String, Pod> byIp = new HashMap<>();

  public void add(Pod pod) {
    if (byIp.putIfAbsent(pod.ip(), pod) != null) {
      throw new IllegalStateException("IP " + pod.ip() + " assigned twice");
    }
  }

  /** The pod at {@code ip}. */
  Pod podAt(String ip) {
    Pod pod = byIp.get(ip);
    if (pod == null) {
      throw new IllegalArgumentException("no pod has IP " + ip);
    }
    return pod;
  }
}

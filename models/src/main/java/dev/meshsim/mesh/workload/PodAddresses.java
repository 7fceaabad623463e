package dev.meshsim.mesh.workload;

import dev.meshsim.scenario.Locality;
import java.util.HashMap;
import java.util.Map;

/**
 * Pod IPs as a kubeadm cluster with flannel (or any host-local IPAM over the node's
 * {@code podCIDR}) hands them out: the cluster CIDR {@code 10.244.0.0/16} is cut into one
 * {@code /24} per node in the order nodes join ({@code node-0} gets {@code 10.244.0.0/24}, {@code
 * node-1} {@code 10.244.1.0/24} …; kube-controller-manager's {@code --node-cidr-mask-size} 24), and
 * a node's pods get {@code .2}, {@code .3} … in creation order ({@code .1} is the node's {@code
 * cni0} bridge). Addresses are not reused within a run.
 *
 * <p>Placement is deterministic: each locality (zone) has its own nodes, since a node sits in one
 * zone; a pod goes to its locality's newest node until that node has held {@link #MAX_PODS_PER_NODE}
 * pods (kubelet's default {@code maxPods}), then a new node joins. The real scheduler spreads
 * replicas over nodes; nothing meshsim models depends on which node a pod is on, only the
 * addresses do (the access log, {@code useSourceIp} and ring hashing read them). Past 256 nodes
 * the next /16 ({@code 10.245.0.0}) continues, as a wider cluster CIDR would.
 */
final class PodAddresses {
  /** kubelet's {@code --max-pods} default. */
  static final int MAX_PODS_PER_NODE = 110;
  private static final int FIRST_HOST = 2;
  private static final int MAX_NODES = 12 * 256;

  /** Where a pod runs and the address it got. */
  record Placement(String node, String ip) {}

  private final Map<Locality, int[]> newestNode = new HashMap<>();
  private int nodes;

  /** The next pod of {@code locality}: its node and IP. */
  Placement place(Locality locality) {
    int[] node = newestNode.get(locality);
    if (node == null || node[1] == MAX_PODS_PER_NODE) {
      if (nodes == MAX_NODES) {
        throw new IllegalStateException("more than " + MAX_NODES + " nodes of " + MAX_PODS_PER_NODE + " pods");
      }
      node = new int[] {nodes++, 0};
      newestNode.put(locality, node);
    }
    int index = node[0];
    int host = FIRST_HOST + node[1]++;
    String ip = "10." + (244 + index / 256) + "." + (index % 256) + "." + host;
    return new Placement("node-" + index, ip);
  }
}

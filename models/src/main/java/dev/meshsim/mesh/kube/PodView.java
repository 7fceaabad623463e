package dev.meshsim.mesh.kube;

import dev.meshsim.scenario.Locality;
import java.util.Map;

/**
 * A pod as the Kubernetes API shows it to its watchers (istiod, kube-proxy, the EndpointSlice
 * controller): its identity, labels, address, node locality and creation order. Nothing about
 * what runs in it.
 */
public interface PodView {
  String name();

  String namespace();

  Map<String, String> labels();

  String ip();

  /** Where the pod runs; istiod ranks endpoints by it for locality failover. */
  Locality locality();

  /** Creation order of the pod in the run; endpoints list pods in this order. */
  int ordinal();
}

package dev.meshsim.mesh;

import dev.meshsim.engine.Simulation;
import dev.meshsim.mesh.datapath.Pod;
import dev.meshsim.mesh.kube.ServiceRegistry;
import dev.meshsim.mesh.workload.PodFactory;
import dev.meshsim.scenario.EgressGatewaySpec;
import dev.meshsim.scenario.GatewayWorkload;
import dev.meshsim.scenario.IngressGatewaySpec;
import dev.meshsim.scenario.PortSpec;
import dev.meshsim.scenario.Locality;
import dev.meshsim.scenario.ServiceSpec;
import java.util.List;
import java.util.Map;

/**
 * The {@code istio-ingressgateway} (and {@code istio-egressgateway}) Deployment and Service: pods
 * {@code istio-ingressgateway-<i>}
 * with Istio's gateway labels, each an Envoy ({@link GatewayProcess}) that istiod configures from the
 * Gateways selecting it. The pods run from time 0 and are not part of the timeline's workloads.
 */
final class IngressGateways {
  private IngressGateways() {}

  static void start(IngressGatewaySpec spec, PodFactory pods, ServiceRegistry registry, Simulation sim) {
    if (spec != null) {
      start(IngressGatewaySpec.NAME, IngressGatewaySpec.NAMESPACE, IngressGatewaySpec.LABELS, spec.replicas(),
          spec.ports(), pods, registry, sim);
    }
  }

  /** The {@code istio-egressgateway}: the same kind of Deployment, with the egress gateway's labels. */
  static void start(EgressGatewaySpec spec, PodFactory pods, ServiceRegistry registry, Simulation sim) {
    if (spec != null) {
      start(EgressGatewaySpec.NAME, EgressGatewaySpec.NAMESPACE, EgressGatewaySpec.LABELS, spec.replicas(),
          spec.ports(), pods, registry, sim);
    }
  }

  /** The Deployments Istio creates for Gateway API Gateways (class istio), in their namespaces. */
  static void start(List<GatewayWorkload> workloads, PodFactory pods, ServiceRegistry registry, Simulation sim) {
    for (GatewayWorkload w : workloads) {
      start(w.name(), w.namespace(), w.labels(), w.replicas(), w.ports(), pods, registry, sim);
    }
  }

  private static void start(String name, String namespace, Map<String, String> labels, int replicas,
      List<PortSpec> ports, PodFactory pods, ServiceRegistry registry, Simulation sim) {
    ServiceSpec service = new ServiceSpec(name, namespace, ports, List.of());
    registry.addService(service);
    for (int i = 0; i < replicas; i++) {
      Pod pod = pods.newPod(name + "-" + i, namespace, labels, Locality.NONE);
      pod.attachApp(new GatewayProcess(pod, sim));
      registry.addPod(service, pod);
    }
  }
}

package dev.meshsim.mesh;

import dev.meshsim.engine.Simulation;
import dev.meshsim.mesh.datapath.Pod;
import dev.meshsim.mesh.kube.ServiceRegistry;
import dev.meshsim.mesh.workload.PodFactory;
import dev.meshsim.scenario.IngressGatewaySpec;
import dev.meshsim.scenario.Locality;
import dev.meshsim.scenario.ServiceSpec;
import java.util.List;

/**
 * The {@code istio-ingressgateway} Deployment and Service: pods {@code istio-ingressgateway-<i>}
 * with Istio's gateway labels, each an Envoy ({@link GatewayProcess}) that istiod configures from the
 * Gateways selecting it. The pods run from time 0 and are not part of the timeline's workloads.
 */
final class IngressGateways {
  private IngressGateways() {}

  static void start(IngressGatewaySpec spec, PodFactory pods, ServiceRegistry registry, Simulation sim) {
    if (spec == null) {
      return;
    }
    ServiceSpec service = new ServiceSpec(IngressGatewaySpec.NAME, IngressGatewaySpec.NAMESPACE, spec.ports(),
        List.of());
    registry.addService(service);
    for (int i = 0; i < spec.replicas(); i++) {
      Pod pod = pods.newPod(IngressGatewaySpec.NAME + "-" + i, IngressGatewaySpec.NAMESPACE,
          IngressGatewaySpec.LABELS, Locality.NONE);
      pod.attachApp(new GatewayProcess(pod, sim));
      registry.addPod(service, pod);
    }
  }
}

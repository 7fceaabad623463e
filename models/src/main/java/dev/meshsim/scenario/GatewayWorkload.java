package dev.meshsim.scenario;

import java.util.List;
import java.util.Map;

/**
 * A gateway Deployment that Istio creates for a Gateway API {@code Gateway} of class {@code istio}
 * (its "automated deployment"): {@code replicas} Envoys without an app, named {@code <name>-<i>}, in
 * the Gateway's namespace, labelled {@code gateway.networking.k8s.io/gateway-name: <gateway>}, behind
 * a Service {@code <name>} with a port per listener port.
 *
 * @param name {@code <gateway>-istio}, the Deployment's and the Service's name
 * @param namespace the Gateway's namespace
 * @param labels the pods' labels
 * @param replicas 1, as Istio deploys it
 * @param ports the Service's ports
 */
public record GatewayWorkload(String name, String namespace, Map<String, String> labels, int replicas,
    List<PortSpec> ports) {
  /** The pod label Istio's deployment controller sets and its generated Gateways select. */
  public static final String GATEWAY_NAME_LABEL = "gateway.networking.k8s.io/gateway-name";

  public GatewayWorkload {
    labels = Map.copyOf(labels);
    ports = List.copyOf(ports);
  }
}

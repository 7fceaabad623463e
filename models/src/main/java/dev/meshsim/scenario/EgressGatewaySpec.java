package dev.meshsim.scenario;

import java.util.List;
import java.util.Map;

/**
 * The {@code istio-egressgateway} as Istio's demo profile installs it (the default profile has none):
 * a Deployment of Envoys without an app in {@code istio-system}, labelled {@code app:
 * istio-egressgateway, istio: egressgateway}, behind a Service of the same name ({@code
 * egressGateway}). istiod configures it from the Gateways that select it, like the ingress gateway.
 *
 * @param replicas gateway pods (default 1)
 * @param ports the Service's ports (default {@code http2 80} and {@code https 443}); the Envoys listen
 *     on the same numbers in meshsim (Istio maps them to targetPorts 8080 and 8443)
 */
public record EgressGatewaySpec(int replicas, List<PortSpec> ports) {
  public static final String NAME = "istio-egressgateway";
  public static final String NAMESPACE = IngressGatewaySpec.NAMESPACE;
  public static final Map<String, String> LABELS = Map.of("app", NAME, "istio", "egressgateway");

  public EgressGatewaySpec {
    ports = List.copyOf(ports);
  }

  /** {@code istio-egressgateway.istio-system.svc.cluster.local}. */
  public String fqdn() {
    return NAME + "." + NAMESPACE + ".svc.cluster.local";
  }
}

package dev.meshsim.scenario;

import java.util.List;
import java.util.Map;

/**
 * The {@code istio-ingressgateway} as Istio's default profile installs it: a Deployment of Envoys
 * without an app in {@code istio-system}, labelled {@code app: istio-ingressgateway, istio:
 * ingressgateway}, behind a Service of the same name ({@code ingressGateway}).
 *
 * @param replicas gateway pods (default 1, the default profile's HPA minimum)
 * @param ports the Service's ports (default {@code http2 80} and {@code https 443}); the gateway's
 *     Envoy listens on the same numbers in meshsim (Istio maps them to targetPorts 8080 and 8443)
 */
public record IngressGatewaySpec(int replicas, List<PortSpec> ports) {
  public static final String NAME = "istio-ingressgateway";
  public static final String NAMESPACE = "istio-system";
  public static final Map<String, String> LABELS = Map.of("app", NAME, "istio", "ingressgateway");

  public IngressGatewaySpec {
    ports = List.copyOf(ports);
  }

  /** {@code istio-ingressgateway.istio-system.svc.cluster.local}. */
  public String fqdn() {
    return NAME + "." + NAMESPACE + ".svc.cluster.local";
  }
}

package dev.meshsim.mesh;

import dev.meshsim.scenario.ServiceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The services of the mesh and the pods behind each, as istiod's Kubernetes registry sees them.
 * Pods are kept in creation order, which gives endpoints a stable order.
 */
public final class ServiceRegistry {
  private final Map<String, ServiceSpec> services = new LinkedHashMap<>();
  private final Map<String, List<Pod>> pods = new LinkedHashMap<>();

  public void addService(ServiceSpec service) {
    services.put(service.fqdn(), service);
    pods.put(service.fqdn(), new ArrayList<>());
  }

  public void addPod(ServiceSpec service, Pod pod) {
    pods.get(service.fqdn()).add(pod);
  }

  /** The service with this FQDN, or null. */
  public ServiceSpec service(String fqdn) {
    return services.get(fqdn);
  }

  public List<ServiceSpec> services() {
    return List.copyOf(services.values());
  }

  /** The pods selected by the service, in creation order. */
  public List<Pod> pods(String fqdn) {
    List<Pod> list = pods.get(fqdn);
    return list == null ? List.of() : List.copyOf(list);
  }

  /**
   * Resolves a host written in an Istio resource ({@code hosts}, {@code destination.host}, a
   * DestinationRule's {@code host}) as istiod's {@code ResolveShortnameToFQDN} does: only a name
   * without a dot is expanded in the resource's namespace; {@code reviews.prod} is taken as written.
   */
  public static String resolveIstioHost(String host, String namespace) {
    return host.contains(".") || host.startsWith("*") ? host : host + "." + namespace + ".svc.cluster.local";
  }
}

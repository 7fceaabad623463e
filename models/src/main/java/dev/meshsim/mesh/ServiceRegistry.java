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
   * Resolves a host name as Kubernetes DNS does from {@code namespace}: {@code name}, {@code
   * name.ns}, {@code name.ns.svc} and the full FQDN all name {@code name.ns.svc.cluster.local}.
   */
  public static String resolve(String host, String namespace) {
    String[] parts = host.split("\\.");
    return switch (parts.length) {
      case 1 -> host + "." + namespace + ".svc.cluster.local";
      case 2 -> host + ".svc.cluster.local";
      case 3 -> parts[2].equals("svc") ? host + ".cluster.local" : host;
      default -> host;
    };
  }
}

package dev.meshsim.mesh.kube;

import dev.meshsim.scenario.ServiceSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The services of the mesh and their endpoints as Kubernetes publishes them (the EndpointSlices
 * istiod and kube-proxy watch): the ready pods each service selects, in pod creation order, which
 * gives endpoints a stable order. A pod is published when it becomes ready and withdrawn when it
 * stops being ready or is deleted, each after the endpoints delay (see {@code EndpointsController}).
 */
public final class ServiceRegistry {
  private final Map<String, ServiceSpec> services;
  /** Ready endpoints per service FQDN; each list is immutable and replaced on change. */
  private final Map<String, List<PodView>> endpoints;
  /** Servers outside the mesh by host, with their ports and pods: fixed for the run. */
  private final Map<String, External> externals;

  /** Each Service's ClusterIP, by FQDN. */
  private final Map<String, String> clusterIps;

  /** A server outside the mesh: its ports and the pods that answer for it. */
  public record External(String host, List<Integer> ports, List<PodView> pods) {}

  public ServiceRegistry() {
    this.services = new LinkedHashMap<>();
    this.endpoints = new LinkedHashMap<>();
    this.externals = new LinkedHashMap<>();
    this.clusterIps = new HashMap<>();
  }

  private ServiceRegistry(Map<String, ServiceSpec> services, Map<String, List<PodView>> endpoints,
      Map<String, External> externals, Map<String, String> clusterIps) {
    this.services = services;
    this.endpoints = endpoints;
    this.externals = externals;
    this.clusterIps = clusterIps;
  }

  /**
   * The {@code n}-th Service's ClusterIP in kubeadm's default service CIDR {@code 10.96.0.0/12},
   * after the addresses the cluster's own Services take ({@code 10.96.0.1} kubernetes, {@code
   * 10.96.0.10} kube-dns): {@code 10.96.1.1}, {@code 10.96.1.2} … in scenario order. The API server
   * draws them at random; any fixed choice does, as nothing but the access log reads them.
   */
  static String clusterIp(int n) {
    return "10." + (96 + n / (254 * 256)) + "." + (1 + n / 254 % 255) + "." + (1 + n % 254);
  }

  /** The ClusterIP of the Service {@code fqdn}, or null for a host that is not a Service. */
  public String clusterIp(String fqdn) {
    return clusterIps.get(fqdn);
  }

  /** Adds a server outside the mesh (not a Service: only ServiceEntries and passthrough reach it). */
  public void addExternal(String host, List<Integer> ports, PodView pod) {
    externals.put(host, new External(host, List.copyOf(ports), List.of(pod)));
  }

  /** The servers outside the mesh, in scenario order. */
  public List<External> externals() {
    return List.copyOf(externals.values());
  }

  /** The server outside the mesh for {@code host}, or null. */
  public External external(String host) {
    return externals.get(host);
  }

  public void addService(ServiceSpec service) {
    if (!services.containsKey(service.fqdn())) {
      clusterIps.put(service.fqdn(), clusterIp(services.size()));
    }
    services.put(service.fqdn(), service);
    endpoints.put(service.fqdn(), List.of());
  }

  /** Publishes {@code pod} as a ready endpoint of {@code service} (a pod running from time 0). */
  public void addPod(ServiceSpec service, PodView pod) {
    setEndpoint(service.fqdn(), pod, true);
  }

  /**
   * Publishes or withdraws {@code pod} as a ready endpoint of the service {@code fqdn}; endpoints
   * stay ordered by pod creation. Returns whether the endpoints changed.
   */
  public boolean setEndpoint(String fqdn, PodView pod, boolean ready) {
    List<PodView> now = endpoints.get(fqdn);
    if (now == null || now.contains(pod) == ready) {
      return false;
    }
    List<PodView> next = new ArrayList<>(now);
    if (ready) {
      int at = 0;
      while (at < next.size() && next.get(at).ordinal() < pod.ordinal()) {
        at++;
      }
      next.add(at, pod);
    } else {
      next.remove(pod);
    }
    endpoints.put(fqdn, List.copyOf(next));
    return true;
  }

  /** A frozen copy: the same services, the endpoints as they are now (cheap: lists are shared). */
  public ServiceRegistry snapshot() {
    return new ServiceRegistry(services, new LinkedHashMap<>(endpoints), externals, clusterIps);
  }

  /** The service with this FQDN, or null. */
  public ServiceSpec service(String fqdn) {
    return services.get(fqdn);
  }

  public List<ServiceSpec> services() {
    return List.copyOf(services.values());
  }

  /**
   * The ready pods the service selects (its published endpoints), in creation order; for a host
   * outside the mesh, the pods of its external server (what DNS gives a pod without a sidecar).
   */
  public List<PodView> pods(String fqdn) {
    List<PodView> list = endpoints.get(fqdn);
    if (list != null) {
      return list;
    }
    External external = externals.get(fqdn);
    return external == null ? List.of() : external.pods();
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

package dev.meshsim.scenario;

import java.util.List;

/**
 * A Kubernetes Service and the Deployments behind it.
 *
 * @param name the Service's name
 * @param namespace its namespace (default {@code default})
 * @param ports its ports
 * @param deployments the workloads it selects, in file order
 */
public record ServiceSpec(
    String name, String namespace, List<PortSpec> ports, List<DeploymentSpec> deployments) {

  public ServiceSpec {
    ports = List.copyOf(ports);
    deployments = List.copyOf(deployments);
  }

  /** The Kubernetes FQDN, {@code name.namespace.svc.cluster.local}. */
  public String fqdn() {
    return name + "." + namespace + ".svc.cluster.local";
  }
}

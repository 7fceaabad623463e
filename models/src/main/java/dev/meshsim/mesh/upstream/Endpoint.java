package dev.meshsim.mesh.upstream;

import dev.meshsim.mesh.Pod;

/**
 * One host of an Envoy cluster: a pod and the port it serves on.
 *
 * @param pod the pod behind the address
 * @param port the target port
 */
public record Endpoint(Pod pod, int port) {

  /** {@code ip:port}, as Envoy's {@code %UPSTREAM_HOST%} prints it. */
  public String address() {
    return pod.ip() + ":" + port;
  }
}

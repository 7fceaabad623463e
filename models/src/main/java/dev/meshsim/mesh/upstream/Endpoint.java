package dev.meshsim.mesh.upstream;

/**
 * One endpoint of an Envoy cluster as EDS describes it: an address and the name of what serves
 * there (Envoy's {@code LbEndpoint}; the name is for ejection events and the access log). A value:
 * the same pod on the same port is the same endpoint in every version of the cluster, which is how
 * an update tells kept hosts from new ones.
 *
 * @param podName the pod behind the address
 * @param ip the pod's IP
 * @param port the target port
 */
public record Endpoint(String podName, String ip, int port) {

  /** {@code ip:port}, as Envoy's {@code %UPSTREAM_HOST%} prints it. */
  public String address() {
    return ip + ":" + port;
  }
}

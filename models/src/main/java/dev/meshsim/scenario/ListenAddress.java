package dev.meshsim.scenario;

/**
 * The address an app's server socket is bound to (seed 001, trouble 10). Which connections reach it
 * depends on where they come from: kube-proxy and a client without a sidecar connect to the pod IP;
 * the pod's own sidecar forwards inbound requests to 127.0.0.1 up to Istio 1.9 and to the pod IP
 * since Istio 1.10 (istio.io blog "Upcoming networking changes in Istio 1.10", 2021).
 */
public enum ListenAddress {
  /** Every address of the pod: reachable by any path (the default, and the seed's advice). */
  ALL("0.0.0.0"),
  /** Loopback only: reachable by the pod's sidecar before Istio 1.10, by nothing else. */
  LOCALHOST("127.0.0.1"),
  /** The pod's IP only: reachable from the network, and by the pod's sidecar since Istio 1.10. */
  POD_IP("podIP");

  private final String spelling;

  ListenAddress(String spelling) {
    this.spelling = spelling;
  }

  /** How a scenario writes it. */
  public String spelling() {
    return spelling;
  }

  /** Whether a connection to {@code target} (loopback, or the pod IP) reaches the app. */
  public boolean reachableAt(boolean loopback) {
    return this == ALL || (this == LOCALHOST) == loopback;
  }
}

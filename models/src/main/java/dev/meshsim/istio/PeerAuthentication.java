package dev.meshsim.istio;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@code security.istio.io} PeerAuthentication: which connections a workload's sidecar accepts on
 * its inbound side (peer_authentication.proto). Resolved per workload and port by {@link
 * PeerAuthenticationPolicy}.
 *
 * @param meta name, namespace, creation order (the oldest of a scope wins, as in istiod)
 * @param selector {@code selector.matchLabels}; empty for a namespace-wide (or, in the root
 *     namespace, mesh-wide) policy
 * @param mode {@code mtls.mode}; {@link Mode#UNSET} when absent (inherit from the parent scope)
 * @param portLevel {@code portLevelMtls}, by workload port, in port order
 */
public record PeerAuthentication(ObjectMeta meta, Map<String, String> selector, Mode mode,
    Map<Integer, Mode> portLevel) {

  /** {@code PeerAuthentication.MutualTLS.Mode}. */
  public enum Mode {
    /** Inherit from the parent scope; PERMISSIVE when nothing above sets a mode. */
    UNSET,
    /** Plaintext only: the inbound listener has no TLS filter chain. */
    DISABLE,
    /** mTLS and plaintext both accepted (Istio's default). */
    PERMISSIVE,
    /** mTLS only: a plaintext connection finds no filter chain and is closed. */
    STRICT
  }

  public PeerAuthentication {
    selector = Collections.unmodifiableMap(new LinkedHashMap<>(selector));
    portLevel = Collections.unmodifiableMap(new TreeMap<>(portLevel));
  }

  /** Whether the policy has a workload selector (an empty {@code matchLabels} is none, as in istiod). */
  public boolean hasSelector() {
    return !selector.isEmpty();
  }
}

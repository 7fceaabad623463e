package dev.meshsim.scenario;

import dev.meshsim.engine.random.Distribution;

/**
 * Per-hop data-path costs, the {@code mesh:} block. Each cost is a distribution in nanoseconds
 * (a plain duration in YAML means a constant).
 *
 * @param iptablesHop one iptables REDIRECT traversal (app to 15001 outbound, or network to 15006
 *     inbound), paid once per direction per redirected leg
 * @param sidecarEnabled false removes every proxy: calls go straight to a pod, as kube-proxy does
 * @param sidecarProcessing the time one Envoy spends on one message (request or response)
 * @param networkLatency one-way pod-to-pod network latency
 * @param sidecarConcurrency worker threads of every sidecar (ProxyConfig {@code concurrency}); each
 *     has its own load balancers and connection pools
 * @param tlsHandshakeNanos the CPU time of one TLS handshake (both ends' key exchange, signatures
 *     and certificate checks), added to each new TLS connection on top of its round trip; 0 by
 *     default (docs/security.md gives the calibrated value and where it comes from)
 */
public record MeshSettings(
    Distribution iptablesHop,
    boolean sidecarEnabled,
    Distribution sidecarProcessing,
    Distribution networkLatency,
    int sidecarConcurrency,
    long tlsHandshakeNanos) {

  /** Istio's sidecar default: {@code ISTIO_CPU_LIMIT} of 2 cores gives 2 workers. */
  public static final int DEFAULT_SIDECAR_CONCURRENCY = 2;

  public MeshSettings {
    if (sidecarConcurrency < 1) {
      throw new IllegalArgumentException("sidecarConcurrency must be >= 1");
    }
    if (tlsHandshakeNanos < 0) {
      throw new IllegalArgumentException("tlsHandshakeNanos must be >= 0");
    }
  }

  /** Settings without a TLS handshake cost. */
  public MeshSettings(Distribution iptablesHop, boolean sidecarEnabled, Distribution sidecarProcessing,
      Distribution networkLatency, int sidecarConcurrency) {
    this(iptablesHop, sidecarEnabled, sidecarProcessing, networkLatency, sidecarConcurrency, 0);
  }

  /** These settings with no proxy anywhere. */
  public MeshSettings withoutSidecars() {
    return new MeshSettings(iptablesHop, false, sidecarProcessing, networkLatency, sidecarConcurrency,
        tlsHandshakeNanos);
  }

  /** Settings with the default sidecar concurrency (kept for callers written before it existed). */
  public MeshSettings(Distribution iptablesHop, boolean sidecarEnabled, Distribution sidecarProcessing,
      Distribution networkLatency) {
    this(iptablesHop, sidecarEnabled, sidecarProcessing, networkLatency, DEFAULT_SIDECAR_CONCURRENCY);
  }
}

package dev.meshsim.mesh.datapath;

import dev.meshsim.mesh.streaminfo.ResponseFlag;
import dev.meshsim.engine.Simulation;
import dev.meshsim.engine.random.RandomStreams;

/**
 * What every sidecar of a run shares, handed to each at construction: the clock, the random
 * streams (each sidecar names its own), where it records stats and metrics, the pod network it
 * resolves endpoints in, its worker count, and the flag the Istio release gives a missing cluster.
 *
 * @param workers Envoy's {@code concurrency} (Istio's default 2)
 * @param missingClusterFlag {@code NC}, or {@code NR} before Envoy 1.18
 * @param inboundToPodIp whether a sidecar forwards inbound requests to the app at the pod IP
 *     (Istio 1.10 on) rather than at 127.0.0.1
 * @param tlsHandshakeNanos the CPU time of one TLS handshake, paid by each new TLS connection
 * @param inboundConnectRetries the retries of the inbound route's {@code reset-before-request}
 *     policy (2 from Istio 1.24, none before): how often a sidecar tries its app again when the
 *     connect is refused
 */
public record ProxyEnvironment(Simulation sim, RandomStreams streams, MeshStats stats, DataPathMetrics metrics,
    Network network, int workers, ResponseFlag missingClusterFlag, boolean inboundToPodIp, long tlsHandshakeNanos,
    int inboundConnectRetries) {

  /** Sidecars without an inbound retry policy (Istio before 1.24). */
  public ProxyEnvironment(Simulation sim, RandomStreams streams, MeshStats stats, DataPathMetrics metrics,
      Network network, int workers, ResponseFlag missingClusterFlag, boolean inboundToPodIp, long tlsHandshakeNanos) {
    this(sim, streams, stats, metrics, network, workers, missingClusterFlag, inboundToPodIp, tlsHandshakeNanos, 0);
  }

  /** Sidecars whose TLS handshakes cost only their round trip. */
  public ProxyEnvironment(Simulation sim, RandomStreams streams, MeshStats stats, DataPathMetrics metrics,
      Network network, int workers, ResponseFlag missingClusterFlag, boolean inboundToPodIp) {
    this(sim, streams, stats, metrics, network, workers, missingClusterFlag, inboundToPodIp, 0);
  }

  /** Sidecars of Istio 1.10 or later, which forward inbound requests to the pod IP. */
  public ProxyEnvironment(Simulation sim, RandomStreams streams, MeshStats stats, DataPathMetrics metrics,
      Network network, int workers, ResponseFlag missingClusterFlag) {
    this(sim, streams, stats, metrics, network, workers, missingClusterFlag, true);
  }
}

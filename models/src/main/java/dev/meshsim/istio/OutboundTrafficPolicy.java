package dev.meshsim.istio;

/**
 * {@code meshConfig.outboundTrafficPolicy.mode}: what a sidecar does with an HTTP request to a host
 * no service or ServiceEntry declares. Istio builds a catch-all virtual host for it
 * ({@code pilot/pkg/networking/core/httproute.go}, {@code buildCatchAllVirtualHost}):
 * {@code ALLOW_ANY} routes it ({@code allow_any}, no timeout) to {@code PassthroughCluster}, the
 * original destination; {@code REGISTRY_ONLY} answers it with a direct response {@code 502}
 * ({@code block_all}), which sets no response flag.
 */
public enum OutboundTrafficPolicy {
  /** Istio's default. */
  ALLOW_ANY,
  REGISTRY_ONLY
}

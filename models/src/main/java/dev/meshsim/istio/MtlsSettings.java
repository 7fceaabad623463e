package dev.meshsim.istio;

import java.util.List;

/**
 * What decides mutual TLS between the sidecars of a scenario: the PeerAuthentications read, and
 * the two mesh-config fields that frame them.
 *
 * @param peerAuthentications every PeerAuthentication, in read order
 * @param autoMtls {@code meshConfig.enableAutoMtls} (default true since Istio 1.5): a client
 *     sidecar whose DestinationRule sets no {@code tls} sends mTLS to endpoints with a sidecar and
 *     plaintext to the others
 * @param rootNamespace {@code meshConfig.rootNamespace} (default {@code istio-system}): a
 *     selector-less PeerAuthentication there is mesh-wide
 */
public record MtlsSettings(List<PeerAuthentication> peerAuthentications, boolean autoMtls, String rootNamespace) {

  public static final String DEFAULT_ROOT_NAMESPACE = "istio-system";
  /** No PeerAuthentication, auto mTLS on: Istio's defaults. */
  public static final MtlsSettings DEFAULT = new MtlsSettings(List.of(), true, DEFAULT_ROOT_NAMESPACE);

  public MtlsSettings {
    peerAuthentications = List.copyOf(peerAuthentications);
  }
}

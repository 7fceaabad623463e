package dev.meshsim.mesh.xds;

import dev.meshsim.mesh.kube.PodView;
import dev.meshsim.scenario.Locality;
import java.util.Map;
import java.util.TreeMap;

/**
 * What istiod needs to know about a proxy to generate its config: its namespace (DestinationRule
 * lookup, {@code sourceNamespace}), its pod labels ({@code sourceLabels}) and its locality (the
 * endpoints' failover priorities, istio {@code EndpointBuilder}). Equal identities get equal
 * configs, so configs are cached by identity.
 *
 * @param namespace the proxy's namespace
 * @param labels the pod's labels, sorted
 * @param locality the pod's locality
 */
public record ProxyIdentity(String namespace, Map<String, String> labels, Locality locality) {

  public ProxyIdentity {
    labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    if (locality == null) {
      throw new IllegalArgumentException("locality must not be null; use Locality.NONE");
    }
  }

  /** A proxy without a locality. */
  public ProxyIdentity(String namespace, Map<String, String> labels) {
    this(namespace, labels, Locality.NONE);
  }

  /** The identity of a pod's sidecar. */
  public static ProxyIdentity of(PodView pod) {
    return new ProxyIdentity(pod.namespace(), pod.labels(), pod.locality());
  }
}

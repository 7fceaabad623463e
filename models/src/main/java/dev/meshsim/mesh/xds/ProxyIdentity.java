package dev.meshsim.mesh.xds;

import java.util.Map;
import java.util.TreeMap;

/**
 * What istiod needs to know about a proxy to generate its config: its namespace (DestinationRule
 * lookup, {@code sourceNamespace}) and its pod labels ({@code sourceLabels}). Equal identities get
 * equal configs, so configs are cached by identity.
 *
 * @param namespace the proxy's namespace
 * @param labels the pod's labels, sorted
 */
public record ProxyIdentity(String namespace, Map<String, String> labels) {

  public ProxyIdentity {
    labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
  }
}

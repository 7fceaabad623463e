package dev.meshsim.istio;

import java.util.List;
import java.util.Map;

/**
 * A {@code networking.istio.io} Sidecar: which services, ServiceEntries and VirtualServices istiod
 * gives the sidecars it selects (istio {@code networking/v1alpha3/sidecar.proto}; scoping as {@code
 * pilot/pkg/model/sidecar.go} computes it, see {@code SidecarScope} in the xDS layer).
 *
 * @param meta name, namespace, read order
 * @param workloadSelector {@code spec.workloadSelector.labels}; empty: every workload of its
 *     namespace (the namespace default; in the root namespace, the mesh default)
 * @param egress {@code spec.egress}; empty means one listener importing {@code *}/{@code *}
 * @param outboundPolicy {@code spec.outboundTrafficPolicy.mode}, or null: the mesh's
 */
public record Sidecar(ObjectMeta meta, Map<String, String> workloadSelector, List<EgressListener> egress,
    OutboundTrafficPolicy outboundPolicy) {

  public Sidecar {
    workloadSelector = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(workloadSelector));
    egress = List.copyOf(egress);
  }

  /**
   * One {@code spec.egress} entry.
   *
   * @param port {@code port.number}, or 0 when absent: with a port, only that port of each imported
   *     service is imported ({@code needsPortMatch})
   * @param hosts {@code hosts}, each {@code namespace/dnsName} as written ({@code .} is the Sidecar's
   *     namespace, {@code *} any; the name may be {@code *} or {@code *.suffix})
   */
  public record EgressListener(int port, List<String> hosts) {
    public EgressListener {
      hosts = List.copyOf(hosts);
    }
  }

  /** Whether this Sidecar applies to every workload of its namespace (no {@code workloadSelector}). */
  public boolean isNamespaceDefault() {
    return workloadSelector.isEmpty();
  }

  /** Whether its {@code workloadSelector} selects a pod with {@code labels} (istio {@code SubsetOf}). */
  public boolean selects(Map<String, String> labels) {
    return labels.entrySet().containsAll(workloadSelector.entrySet());
  }
}

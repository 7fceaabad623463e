package dev.meshsim.istio;

import java.util.List;
import java.util.Map;

/**
 * A {@code networking.istio.io} ServiceEntry: hosts the mesh's registry gains, with their ports and
 * how their endpoints are found (istio {@code networking/v1alpha3/service_entry.proto}).
 *
 * @param meta name, namespace, read order
 * @param hosts {@code spec.hosts} as written, lower-cased (no short-name expansion: istiod takes
 *     ServiceEntry hosts as FQDNs)
 * @param ports {@code spec.ports}
 * @param resolution {@code spec.resolution}; default {@code NONE}
 * @param location {@code spec.location}; default {@code MESH_EXTERNAL}
 * @param endpoints {@code spec.endpoints} addresses (only their count is used: see docs/gateways.md)
 * @param workloadSelector {@code spec.workloadSelector.labels}; empty when absent
 * @param exportTo {@code spec.exportTo} as written; empty means every namespace
 */
public record ServiceEntry(ObjectMeta meta, List<String> hosts, List<Port> ports, Resolution resolution,
    Location location, List<String> endpoints, Map<String, String> workloadSelector, List<String> exportTo) {

  public ServiceEntry {
    hosts = List.copyOf(hosts);
    ports = List.copyOf(ports);
    endpoints = List.copyOf(endpoints);
    workloadSelector = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(workloadSelector));
    exportTo = List.copyOf(exportTo);
  }

  /** One {@code spec.ports} entry: {@code number}, {@code name}, {@code protocol} (upper-cased). */
  public record Port(int number, String name, String protocol) {}

  /** {@code spec.resolution}. */
  public enum Resolution { NONE, STATIC, DNS, DNS_ROUND_ROBIN }

  /** {@code spec.location}. */
  public enum Location { MESH_EXTERNAL, MESH_INTERNAL }

  /** Whether this entry is visible to a proxy in {@code namespace} ({@code exportTo}). */
  public boolean visibleFrom(String namespace) {
    return exportTo.isEmpty() || exportTo.contains("*") || exportTo.contains(namespace)
        || (exportTo.contains(".") && meta.namespace().equals(namespace));
  }
}

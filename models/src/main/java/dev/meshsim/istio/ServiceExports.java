package dev.meshsim.istio;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which namespaces see each Service (istio {@code push_context.go} {@code IsServiceVisible}, {@code
 * serviceExportTo}): a Kubernetes Service's {@code networking.istio.io/exportTo} annotation (a
 * comma-separated list, as istio {@code serviceregistry/kube/conversion.go} reads it), else
 * meshConfig {@code defaultServiceExportTo}, else every namespace. A proxy in a namespace that does
 * not see a Service gets no cluster and no virtual host for it, as if its Sidecar left it out.
 *
 * @param byService the annotation's values by the Service's FQDN, for the Services that carry one
 * @param meshDefault {@code defaultServiceExportTo}; empty for Istio's default, {@code *}
 */
public record ServiceExports(Map<String, List<String>> byService, List<String> meshDefault) {

  /** Every Service visible everywhere: Istio's default. */
  public static final ServiceExports ALL = new ServiceExports(Map.of(), List.of());

  public ServiceExports {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    byService.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    byService = Collections.unmodifiableMap(copy);
    meshDefault = List.copyOf(meshDefault);
  }

  /** The exportTo in force for the Service {@code fqdn}: its own, else the mesh default, else {@code *}. */
  public List<String> exportTo(String fqdn) {
    List<String> own = byService.get(fqdn);
    if (own != null && !own.isEmpty()) {
      return own;
    }
    return meshDefault.isEmpty() ? List.of("*") : meshDefault;
  }

  /**
   * Whether a proxy in {@code client} sees the Service {@code fqdn} of {@code serviceNamespace}:
   * {@code *}, {@code .} from its own namespace, or the client's name ({@code ~} alone: nowhere).
   */
  public boolean visible(String fqdn, String serviceNamespace, String client) {
    List<String> to = exportTo(fqdn);
    return to.contains("*") || (to.contains(".") && serviceNamespace.equals(client)) || to.contains(client);
  }
}

package dev.meshsim.scenario;

import dev.meshsim.istio.OutboundTrafficPolicy;
import dev.meshsim.istio.ServiceExports;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import dev.meshsim.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The visibility of Services: reading a Kubernetes Service's {@code networking.istio.io/exportTo}
 * annotation as istiod does ({@code serviceregistry/kube/conversion.go}: split at commas, each value
 * trimmed, none validated), and the load-time warning for each namespace that calls a Service it
 * does not see: its proxies have no cluster for it, so the run shows only the consequence (the
 * catch-all: PassthroughCluster under ALLOW_ANY, REGISTRY_ONLY's block, a VirtualService route's
 * {@code 503 NC}).
 */
final class ServiceExportChecks {
  static final String ANNOTATION = "networking.istio.io/exportTo";
  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  /** A Service's annotation: its values and where it is written. */
  record Annotation(List<String> values, YamlNode node) {}

  private ServiceExportChecks() {}

  /** The annotation of {@code service} (a {@code v1 Service} object), or null when it has none. */
  static Annotation read(YamlMap service, Warnings warnings) {
    YamlNode metadata = service.get("metadata");
    YamlNode annotations = metadata == null ? null : metadata.asMap().get("annotations");
    YamlNode node = annotations == null ? null : annotations.asMap().get(ANNOTATION);
    if (node == null || node.asString().isBlank()) {
      return null; // istiod: an empty annotation is no annotation
    }
    List<String> values = new ArrayList<>();
    for (String part : node.asString().split(",", -1)) {
      String value = part.trim();
      if (!value.equals(".") && !value.equals("*") && !value.equals("~") && !NAMESPACE.matcher(value).matches()) {
        warnings.add(node, YamlScalar.quote(value) + " is neither \".\", \"*\", \"~\" nor a namespace name; istiod"
            + " takes it as a namespace name, which no proxy is in");
      }
      values.add(value);
    }
    return new Annotation(values, node);
  }

  /**
   * Warns, for each Service and each namespace calling it that it is not exported to, at the
   * annotation (or at meshConfig's {@code defaultServiceExportTo} when that decides).
   */
  static void warn(Map<String, Annotation> annotations, YamlNode meshDefault, ServiceExports exports,
      OutboundTrafficPolicy policy, List<ServiceSpec> services, List<LoadSpec> loads, Warnings warnings) {
    Map<String, Set<String>> callers = RuleVisibilityChecks.callersByService(services, loads);
    for (ServiceSpec s : services) {
      Annotation own = annotations.get(s.fqdn());
      YamlNode at = own != null ? own.node() : meshDefault;
      if (at == null) {
        continue;
      }
      for (String client : callers.getOrDefault(s.fqdn(), Set.of())) {
        if (!exports.visible(s.fqdn(), s.namespace(), client)) {
          warnings.add(at, "Service " + s.name() + "." + s.namespace() + " is not exported to namespace " + client
              + " (exportTo " + exports.exportTo(s.fqdn()) + "): proxies there get no cluster and no route for it,"
              + " so calls from " + client + " " + consequence(policy) + ", and a VirtualService route to it from"
              + " there gets 503 NC");
        }
      }
    }
  }

  private static String consequence(OutboundTrafficPolicy policy) {
    return policy == OutboundTrafficPolicy.ALLOW_ANY
        ? "take PassthroughCluster (kube-proxy picks a pod; no DestinationRule or VirtualService of it applies)"
        : "are blocked (REGISTRY_ONLY: 502 on an HTTP port, the connection closed with UH on a TCP one)";
  }

  /** The annotations of the manifests' Services, by FQDN. */
  static Map<String, Annotation> annotations(List<KubeObjects.Service> services, Warnings warnings) {
    Map<String, Annotation> out = new LinkedHashMap<>();
    for (KubeObjects.Service s : services) {
      Annotation a = read(s.node(), warnings);
      if (a != null) {
        out.put(s.fqdn(), a);
      }
    }
    return out;
  }
}

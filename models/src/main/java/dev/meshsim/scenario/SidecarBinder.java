package dev.meshsim.scenario;

import dev.meshsim.istio.ObjectMeta;
import dev.meshsim.istio.OutboundTrafficPolicy;
import dev.meshsim.istio.Sidecar;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import dev.meshsim.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code spec} of a Sidecar, validated as istiod's {@code ValidateSidecar} (istio {@code
 * pkg/config/validation}) does where it matters here: {@code workloadSelector.labels} not empty when
 * the selector is there; each egress listener has hosts of the form {@code namespace/dnsName}
 * ({@code .}, {@code *}, {@code ~} or a namespace name; {@code *}, {@code *.suffix} or a DNS name),
 * at most one listener without a port and that one last, ports not repeated; a known outbound mode.
 * The inbound side ({@code ingress}, validated by {@link SidecarIngressBinder}; {@code
 * inboundConnectionPool}), {@code bind}, {@code captureMode} and {@code
 * outboundTrafficPolicy.egressProxy} are read with a warning.
 */
final class SidecarBinder {
  static final List<String> KEYS = List.of("workloadSelector", "ingress", "egress", "outboundTrafficPolicy",
      "inboundConnectionPool");
  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Pattern DNS_NAME =
      Pattern.compile("(\\*|(\\*\\.)?[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*)");

  private final Warnings warnings;

  SidecarBinder(Warnings warnings) {
    this.warnings = warnings;
  }

  Sidecar bind(ObjectMeta meta, YamlMap spec) {
    spec.allowOnly(KEYS);
    SidecarIngressBinder.bind(spec, warnings);
    warnings.notModelled(spec, "inboundConnectionPool");
    Map<String, String> selector = Map.of();
    if (spec.has("workloadSelector")) {
      YamlMap ws = spec.required("workloadSelector").asMap().allowOnly("labels");
      selector = ws.stringMap("labels");
      if (selector.isEmpty()) {
        throw spec.failAtKey("workloadSelector", "workloadSelector needs labels (istiod: \"sidecar: workloadSelector"
            + " labels is required\"); leave it out to apply to the whole namespace");
      }
    }
    return new Sidecar(meta, selector, egress(spec), outboundPolicy(spec));
  }

  private List<Sidecar.EgressListener> egress(YamlMap spec) {
    List<Sidecar.EgressListener> listeners = new ArrayList<>();
    Set<Integer> ports = new HashSet<>();
    List<YamlNode> nodes = spec.list("egress");
    for (int i = 0; i < nodes.size(); i++) {
      YamlMap e = nodes.get(i).asMap().allowOnly("port", "bind", "captureMode", "hosts");
      warnings.notModelled(e, "bind", "captureMode");
      int port = 0;
      if (e.has("port")) {
        YamlMap p = e.required("port").asMap().allowOnly("number", "protocol", "name", "targetPort");
        port = p.required("number").asInt(1, 65535);
        if (!ports.add(port)) {
          throw p.required("number").fail("port " + port + " has two egress listeners (istiod: ports on IP bound"
              + " listeners must be unique)");
        }
      } else if (i < nodes.size() - 1) {
        throw nodes.get(i).fail("the egress listener without a port must be the last one (istiod rejects it"
            + " elsewhere)");
      }
      List<String> hosts = new ArrayList<>();
      for (YamlNode h : e.required("hosts").asList().requireSize(1, "host").items()) {
        hosts.add(host(h));
      }
      listeners.add(new Sidecar.EgressListener(port, hosts));
    }
    return listeners;
  }

  /** {@code namespace/dnsName}, lower-cased; a short (dot-less) name is warned about: it imports nothing. */
  private String host(YamlNode node) {
    String text = node.asNonEmptyString().toLowerCase(Locale.ROOT);
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw node.expected("namespace/dnsName, such as ./*, istio-system/* or */reviews.default.svc.cluster.local");
    }
    String ns = text.substring(0, slash);
    String name = text.substring(slash + 1);
    if (!ns.equals(".") && !ns.equals("*") && !ns.equals("~") && !NAMESPACE.matcher(ns).matches()) {
      throw node.expected("a namespace before the slash: \".\" (this one), \"*\" (any), \"~\" (none) or a name,"
          + " not " + YamlScalar.quote(ns));
    }
    if (!DNS_NAME.matcher(name).matches()) {
      throw node.expected("a host after the slash: *, *.suffix or a DNS name, not " + YamlScalar.quote(name));
    }
    if (!name.equals("*") && !name.contains(".")) {
      warnings.add(node, "host " + name + " is not a fully qualified name: istiod compares it with service host"
          + " names (" + name + ".<namespace>.svc.cluster.local) as written, so it imports no Service");
    }
    return text;
  }

  private OutboundTrafficPolicy outboundPolicy(YamlMap spec) {
    if (!spec.has("outboundTrafficPolicy")) {
      return null;
    }
    YamlMap p = spec.required("outboundTrafficPolicy").asMap().allowOnly("mode", "egressProxy");
    warnings.notModelled(p, "egressProxy");
    if (!p.has("mode")) {
      // The proto's enum zero is REGISTRY_ONLY; the mesh default is ALLOW_ANY only because meshConfig sets it.
      return OutboundTrafficPolicy.REGISTRY_ONLY;
    }
    YamlNode mode = p.required("mode");
    for (OutboundTrafficPolicy m : OutboundTrafficPolicy.values()) {
      if (m.name().equals(mode.asString())) {
        return m;
      }
    }
    throw mode.expected("ALLOW_ANY or REGISTRY_ONLY, not " + YamlScalar.quote(mode.asString()));
  }
}

package dev.meshsim.scenario;

import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code external:}, the servers outside the mesh: each {@code host}, {@code ports}, {@code latency}.
 * A host may be a wildcard ({@code *.wikipedia.org}): a template for every name under it that a call
 * or load targets, each then a server of its own ({@link ServiceDirectory}).
 */
final class ExternalBinder {

  static final List<String> KEYS = List.of("host", "ports", "latency");
  private static final Pattern DNS_NAME =
      Pattern.compile("([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\\.)+[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  private ExternalBinder() {}

  /** The {@code external} list of {@code root}, empty when absent; hosts must not be cluster names. */
  static List<ExternalHost> bind(YamlMap root) {
    List<ExternalHost> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (YamlNode node : root.list("external")) {
      YamlMap m = node.asMap().allowOnly(KEYS);
      YamlNode hostNode = m.required("host");
      String host = hostNode.asNonEmptyString().toLowerCase(Locale.ROOT);
      String name = host.startsWith("*.") ? host.substring(2) : host;
      boolean named = DNS_NAME.matcher(name).matches() || (host.startsWith("*.") && name.matches("[a-z0-9-]+"));
      if (!named || host.length() > 253) {
        throw hostNode.expected("a DNS name with a dot, such as api.example.com, or a wildcard such as *.example.com");
      }
      if (host.endsWith(".cluster.local")) {
        throw hostNode.fail(host + " is a cluster name: declare it under services (or kubernetes), not external");
      }
      if (!seen.add(host)) {
        throw hostNode.fail("external host " + host + " is declared twice");
      }
      out.add(new ExternalHost(host, ports(m), DistributionBinder.bind(m.required("latency"))));
    }
    return out;
  }

  private static List<Integer> ports(YamlMap m) {
    if (!m.has("ports")) {
      return List.of(80);
    }
    List<Integer> ports = new ArrayList<>();
    for (YamlNode p : m.required("ports").asList().requireSize(1, "port").items()) {
      int port = p.asInt(1, 65535);
      if (ports.contains(port)) {
        throw p.fail("port " + port + " is listed twice");
      }
      ports.add(port);
    }
    return ports;
  }
}

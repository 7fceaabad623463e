package dev.meshsim.testkit.diff;

import dev.meshsim.istio.HttpMatchRequest;
import dev.meshsim.istio.HttpRoute;
import dev.meshsim.istio.IstioConfig;
import dev.meshsim.istio.StringMatch;
import dev.meshsim.istio.VirtualService;
import dev.meshsim.app.HttpRequestSpec;
import dev.meshsim.scenario.LoadSpec;
import dev.meshsim.scenario.Scenario;
import dev.meshsim.scenario.ServiceSpec;
import dev.meshsim.testkit.Request;
import dev.meshsim.testkit.model.ModelAdapter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Representative requests of the classes two configs may treat differently: for each match block
 * of either config, a request that satisfies it (exact values, prefixes as written, a present header
 * as {@code x}; a regex is satisfied by a value the scenario's loads send, else the block is
 * skipped); a plain request to every service port; and each load's own request. Each from every
 * load's client, so {@code sourceLabels} count.
 */
final class RequestClasses {
  private RequestClasses() {}

  static List<Request> of(Scenario scenario, IstioConfig... configs) {
    Set<Request> out = new LinkedHashSet<>();
    List<String> clients = scenario.loads().stream().map(LoadSpec::name).toList();
    for (LoadSpec load : scenario.loads()) {
      out.add(fromSpec(load.request()).from(load.name()));
    }
    for (ServiceSpec s : scenario.services()) {
      for (var p : s.ports()) {
        for (String c : clients) {
          out.add(Request.get(s.name() + "." + s.namespace() + ":" + p.port(), "/").from(c));
        }
      }
    }
    Map<String, Set<String>> sent = sentHeaders(scenario);
    for (IstioConfig config : configs) {
      for (VirtualService vs : config.virtualServices()) {
        for (String host : vs.hosts()) {
          String fqdn = ModelAdapter.istioFqdn(host, vs.meta().namespace());
          ServiceSpec s = scenario.services().stream().filter(x -> x.fqdn().equals(fqdn)).findFirst().orElse(null);
          if (s == null) {
            continue;
          }
          for (HttpRoute r : vs.http()) {
            for (HttpMatchRequest m : r.match()) {
              Request base = satisfying(m, s, sent);
              if (base != null) {
                clients.forEach(c -> out.add(base.from(c)));
              }
            }
          }
        }
      }
    }
    return List.copyOf(out);
  }

  private static Request fromSpec(HttpRequestSpec spec) {
    return Request.of(spec.method(), spec.host() + ":" + spec.port(), spec.path()).headers(spec.headers());
  }

  private static Request satisfying(HttpMatchRequest m, ServiceSpec s, Map<String, Set<String>> sent) {
    int port = m.port() != null ? m.port() : s.ports().get(0).port();
    String path = m.uri() == null ? "/" : value(m.uri(), sent.getOrDefault(":path", Set.of()));
    String method = m.method() == null ? "GET" : value(m.method(), Set.of("GET", "POST"));
    if (path == null || !path.startsWith("/") || method == null) {
      return null;
    }
    Map<String, String> headers = new TreeMap<>();
    for (var h : m.headers().entrySet()) {
      String v = value(h.getValue(), sent.getOrDefault(h.getKey(), Set.of()));
      if (v == null) {
        return null;
      }
      headers.put(h.getKey(), v);
    }
    StringBuilder query = new StringBuilder();
    for (var q : m.queryParams().entrySet()) {
      String v = value(q.getValue(), Set.of());
      if (v == null) {
        return null;
      }
      query.append(query.length() == 0 ? "?" : "&").append(q.getKey()).append('=').append(v);
    }
    return Request.of(method, s.name() + "." + s.namespace() + ":" + port, path + query).headers(headers);
  }

  private static String value(StringMatch m, Set<String> candidates) {
    return switch (m.kind()) {
      case EXACT, PREFIX -> m.value();
      case PRESENT -> "x";
      case REGEX -> candidates.stream().filter(c -> m.pattern().matcher(c).matches()).findFirst().orElse(null);
    };
  }

  private static Map<String, Set<String>> sentHeaders(Scenario scenario) {
    Map<String, Set<String>> sent = new TreeMap<>();
    for (LoadSpec l : scenario.loads()) {
      l.request().headers().forEach((k, v) -> sent.computeIfAbsent(k, x -> new java.util.TreeSet<>()).add(v));
      sent.computeIfAbsent(":path", x -> new java.util.TreeSet<>()).add(l.request().path());
    }
    return sent;
  }
}

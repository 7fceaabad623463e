package dev.meshsim.testkit;

import dev.meshsim.istio.HttpMatchRequest;
import dev.meshsim.istio.HttpRoute;
import dev.meshsim.istio.StringMatch;
import dev.meshsim.istio.VirtualService;
import dev.meshsim.scenario.CallStep;
import dev.meshsim.scenario.DeploymentSpec;
import dev.meshsim.app.HttpRequestSpec;
import dev.meshsim.scenario.Scenario;
import dev.meshsim.scenario.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a scenario's requests and matches mention, gathered once for the request arbitraries: the
 * authorities of its services, the methods, paths, header and query values its VirtualService
 * matches test (and the values its loads and calls send, which is how a regex match gets a value
 * that satisfies it). Sorted collections, so generation depends on the config alone.
 */
record RequestSpace(
    List<String> authorities,
    TreeSet<String> methods,
    List<StringMatch> uris,
    TreeMap<String, List<StringMatch>> headers,
    TreeMap<String, TreeSet<String>> sentHeaderValues,
    TreeMap<String, List<StringMatch>> queryParams,
    TreeSet<String> sentPaths) {

  static RequestSpace of(Scenario scenario) {
    RequestSpace space = new RequestSpace(new ArrayList<>(), new TreeSet<>(List.of("GET", "POST")), new ArrayList<>(),
        new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeSet<>(List.of("/")));
    for (ServiceSpec s : scenario.services()) {
      s.ports().forEach(p -> space.authorities.add(s.name() + "." + s.namespace() + ":" + p.port()));
      s.deployments().forEach(d -> space.addCalls(d));
    }
    scenario.loads().forEach(l -> space.addSent(l.request()));
    scenario.istio().virtualServices().forEach(space::addMatches);
    return space;
  }

  private void addCalls(DeploymentSpec d) {
    for (CallStep step : d.calls()) {
      step.calls().forEach(c -> addSent(c.request()));
    }
  }

  private void addSent(HttpRequestSpec r) {
    methods.add(r.method());
    int q = r.path().indexOf('?');
    sentPaths.add(q < 0 ? r.path() : r.path().substring(0, q));
    r.headers().forEach((k, v) -> sentHeaderValues.computeIfAbsent(k, x -> new TreeSet<>()).add(v));
  }

  private void addMatches(VirtualService vs) {
    for (HttpRoute route : vs.http()) {
      for (HttpMatchRequest m : route.match()) {
        if (m.uri() != null) {
          uris.add(m.uri());
        }
        if (m.method() != null && m.method().kind() == StringMatch.Kind.EXACT) {
          methods.add(m.method().value());
        }
        m.headers().forEach((k, v) -> headers.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        m.withoutHeaders().forEach((k, v) -> headers.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        m.queryParams().forEach((k, v) -> queryParams.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
      }
    }
  }

  /** Every header name a match tests or a load sends. */
  TreeSet<String> headerNames() {
    TreeSet<String> names = new TreeSet<>(headers.keySet());
    names.addAll(sentHeaderValues.keySet());
    return names;
  }
}

package dev.meshsim.scenario;

import dev.meshsim.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which Service calls which. A cycle (reviews calls ratings, ratings calls reviews) would make
 * every request spawn calls forever, so it is rejected at load time. The check is by Service,
 * ignoring VirtualService routing: a conservative approximation, but a cycle between Services is
 * a mistake whichever version a route picks.
 */
final class CallGraph {

  /** A call from one Service's pods to another Service, with the target written in the file. */
  private record Edge(String from, String to, YamlNode target) {}

  private final Map<String, List<Edge>> edges = new LinkedHashMap<>();

  void add(String fromFqdn, String toFqdn, YamlNode target) {
    edges.computeIfAbsent(fromFqdn, k -> new ArrayList<>()).add(new Edge(fromFqdn, toFqdn, target));
  }

  /** Throws at the call that closes the first cycle found (in file order). */
  void checkAcyclic() {
    Map<String, Boolean> onStack = new HashMap<>(); // true: being visited; false: done
    for (String start : edges.keySet()) {
      visit(start, onStack, new ArrayList<>());
    }
  }

  private void visit(String service, Map<String, Boolean> onStack, List<Edge> path) {
    if (onStack.containsKey(service)) {
      return;
    }
    onStack.put(service, true);
    for (Edge e : edges.getOrDefault(service, List.of())) {
      path.add(e);
      if (Boolean.TRUE.equals(onStack.get(e.to()))) {
        throw e.target().fail("call cycle " + describe(path, e.to()) + ": every request would make calls forever");
      }
      visit(e.to(), onStack, path);
      path.remove(path.size() - 1);
    }
    onStack.put(service, false);
  }

  private static String describe(List<Edge> path, String closing) {
    StringBuilder b = new StringBuilder();
    boolean inCycle = false;
    for (Edge e : path) {
      inCycle |= e.from().equals(closing);
      if (inCycle) {
        b.append(shortName(e.from())).append(" → ");
      }
    }
    return b.append(shortName(closing)).toString();
  }

  private static String shortName(String fqdn) {
    return fqdn.replace(".svc.cluster.local", "");
  }
}

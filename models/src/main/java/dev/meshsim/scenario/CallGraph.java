package dev.meshsim.scenario;

import dev.meshsim.yaml.YamlNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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

  /**
   * Throws at the call that closes the first cycle found (in file order). Depth-first with an
   * explicit stack rather than recursion: a chain of 10,000 services would overflow the Java stack.
   */
  void checkAcyclic() {
    Map<String, Boolean> onStack = new HashMap<>(); // true: being visited; false: done
    for (String start : edges.keySet()) {
      if (!onStack.containsKey(start)) {
        visit(start, onStack);
      }
    }
  }

  /** One service being visited: its outgoing edges and how many of them were followed. */
  private static final class Frame {
    final String service;
    final List<Edge> out;
    int next;

    Frame(String service, List<Edge> out) {
      this.service = service;
      this.out = out;
    }
  }

  private void visit(String start, Map<String, Boolean> onStack) {
    Deque<Frame> stack = new ArrayDeque<>();
    List<Edge> path = new ArrayList<>(); // the edges from start to the top frame
    onStack.put(start, true);
    stack.push(new Frame(start, edges.getOrDefault(start, List.of())));
    while (!stack.isEmpty()) {
      Frame top = stack.peek();
      if (top.next == top.out.size()) {
        onStack.put(top.service, false);
        stack.pop();
        if (!path.isEmpty()) {
          path.remove(path.size() - 1);
        }
        continue;
      }
      Edge e = top.out.get(top.next++);
      Boolean state = onStack.get(e.to());
      if (Boolean.TRUE.equals(state)) {
        path.add(e);
        throw e.target().fail("call cycle " + describe(path, e.to()) + ": every request would make calls forever");
      }
      if (state == null) {
        path.add(e);
        onStack.put(e.to(), true);
        stack.push(new Frame(e.to(), edges.getOrDefault(e.to(), List.of())));
      }
    }
  }

  /** The cycle's services; a long one by its first and last few, so the message stays one line. */
  private static String describe(List<Edge> path, String closing) {
    List<String> names = new ArrayList<>();
    boolean inCycle = false;
    for (Edge e : path) {
      inCycle |= e.from().equals(closing);
      if (inCycle) {
        names.add(shortName(e.from()));
      }
    }
    names.add(shortName(closing));
    if (names.size() > 12) {
      int hidden = names.size() - 8;
      names = new ArrayList<>(List.of(String.join(" → ", names.subList(0, 5)), "… " + hidden + " more …",
          String.join(" → ", names.subList(names.size() - 3, names.size()))));
    }
    return String.join(" → ", names);
  }


  private static String shortName(String fqdn) {
    return fqdn.replace(".svc.cluster.local", "");
  }
}

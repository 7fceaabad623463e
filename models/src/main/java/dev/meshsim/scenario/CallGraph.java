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

  /**
   * The most calls one request may cause through the call graph. Each call in flight is a model
   * with its own state, so a graph where each Service calls the next twice doubles at every level:
   * 24 levels are 33 million calls for one request (minutes and gigabytes). Real fan-outs are a few
   * hundred calls; a chain of 10,000 Services makes 9,999, well within.
   */
  static final long MAX_CALLS_PER_REQUEST = 100_000;

  /**
   * Throws at the first Service (in file order) one request to which would make more than {@link
   * #MAX_CALLS_PER_REQUEST} calls: its calls, their calls and so on, each Deployment's counted (an
   * upper bound when versions call differently). Call after {@link #checkAcyclic()}; iterative, as
   * a chain may be 10,000 deep.
   */
  void checkFanOut() {
    Map<String, Double> calls = new HashMap<>();
    for (String start : edges.keySet()) {
      double n = callsFrom(start, calls);
      if (n > MAX_CALLS_PER_REQUEST) {
        throw edges.get(start).get(0).target().fail(String.format(java.util.Locale.ROOT,
            "one request to %s would make %.0f calls through its call graph (its calls, their calls and so on),"
                + " over meshsim's limit of %d per request", shortName(start), n, MAX_CALLS_PER_REQUEST));
      }
    }
  }

  /** Calls one request to {@code service} makes, memoized in {@code calls}; depth-first with a stack. */
  private double callsFrom(String service, Map<String, Double> calls) {
    Deque<Frame> stack = new ArrayDeque<>();
    stack.push(new Frame(service, edges.getOrDefault(service, List.of())));
    while (!stack.isEmpty()) {
      Frame top = stack.peek();
      if (calls.containsKey(top.service)) {
        stack.pop();
        continue;
      }
      if (top.next < top.out.size()) {
        String to = top.out.get(top.next).to();
        if (!calls.containsKey(to)) {
          stack.push(new Frame(to, edges.getOrDefault(to, List.of())));
          continue;
        }
        top.next++;
        continue;
      }
      double sum = 0;
      for (Edge e : top.out) {
        sum += 1 + calls.get(e.to());
      }
      calls.put(top.service, Math.min(sum, 1e18));
      stack.pop();
    }
    return calls.get(service);
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

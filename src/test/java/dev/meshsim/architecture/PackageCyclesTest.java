package dev.meshsim.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No module's packages form a dependency cycle, read from the main sources of every module (the
 * same reading as {@code bench/packages.py}): every {@code dev.meshsim} type a file names (imported,
 * fully qualified or in a javadoc link) is an edge from its package. None is allowed: in {@code
 * models} the last one, scenario ↔ timeline, went when the two records both name moved to {@code
 * dev.meshsim.app}; outside it, testkit ↔ testkit.model went when the model adapter stopped naming
 * the kit's records, and inspect ↔ inspect.envoy when the snapshot records moved to {@code
 * inspect.snapshot}.
 */
class PackageCyclesTest {
  /** Run from the repository root (the cli module's surefire working directory). */
  private static final Path ROOT = Path.of(".");
  private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.meshsim((?:\\.[a-z]\\w*)+)\\.[A-Z]");
  @Test
  void noPackageCycle() {
    Map<String, Set<String>> edges = dependencies();
    for (String someOfEachModule : List.of("dev.meshsim.mesh.upstream", "dev.meshsim.engine", "dev.meshsim.result",
        "dev.meshsim.report", "dev.meshsim.plan", "dev.meshsim.testkit.model", "dev.meshsim.inspect.envoy",
        "dev.meshsim.cli", "dev.meshsim.bench")) {
      assertTrue(edges.containsKey(someOfEachModule), someOfEachModule + " not among the sources: " + edges.keySet());
    }
    assertEquals(Set.of(), cycles(edges));
  }

  @Test
  void aParentAndSubPackageThatNameEachOtherAreACycle() {
    Map<String, Set<String>> edges = new TreeMap<>(Map.of(
        "a", Set.of("a.sub", "c"), "a.sub", Set.of("a"), "c", Set.of()));
    assertEquals(Set.of(Set.of("a", "a.sub")), cycles(edges));
  }

  @Test
  void theModelAdapterNamesNoneOfTheKitAndTheEnvoyViewsNoInspectionView() {
    Map<String, Set<String>> edges = dependencies();
    Set<String> adapter = edges.get("dev.meshsim.testkit.model");
    assertTrue(adapter.stream().noneMatch(p -> p.startsWith("dev.meshsim.testkit")), "testkit.model uses " + adapter);
    Set<String> envoy = edges.get("dev.meshsim.inspect.envoy");
    assertEquals(Set.of("dev.meshsim.inspect.snapshot"), Set.copyOf(envoy.stream()
        .filter(p -> p.startsWith("dev.meshsim.inspect")).toList()), "inspect.envoy uses " + envoy);
  }

  @Test
  void theTimelineRecordsNameNothingOfTheScenarioThatBuildsThem() {
    Set<String> timeline = dependencies().get("dev.meshsim.timeline");
    assertTrue(timeline.contains("dev.meshsim.app"), "timeline depends on " + timeline);
    assertTrue(!timeline.contains("dev.meshsim.scenario"), "timeline depends on " + timeline);
  }

  @Test
  void theEnvoyUpstreamLayerKnowsNoPodNoRunAndNoIstioRecord() {
    Set<String> upstream = dependencies().get("dev.meshsim.mesh.upstream");
    for (String forbidden : List.of("dev.meshsim.mesh", "dev.meshsim.mesh.datapath", "dev.meshsim.mesh.workload",
        "dev.meshsim.mesh.xds", "dev.meshsim.scenario", "dev.meshsim.istio")) {
      assertTrue(!upstream.contains(forbidden), "upstream depends on " + forbidden + ": " + upstream);
    }
  }

  @Test
  void theEnvoyRouteLayerKnowsNoIstioRecord() {
    Set<String> routing = dependencies().get("dev.meshsim.mesh.routing");
    for (String forbidden : List.of("dev.meshsim.istio", "dev.meshsim.scenario", "dev.meshsim.mesh.xds")) {
      assertTrue(!routing.contains(forbidden), "routing depends on " + forbidden + ": " + routing);
    }
  }

  private static Map<String, Set<String>> dependencies() {
    Map<String, Set<String>> edges = new TreeMap<>();
    try (Stream<Path> modules = Files.list(ROOT)) {
      for (Path sources : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).sorted().toList()) {
        read(sources, edges);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return edges;
  }

  private static void read(Path sources, Map<String, Set<String>> edges) throws IOException {
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = sources.relativize(f.getParent()).toString().replace('/', '.').replace('\\', '.');
        Set<String> out = edges.computeIfAbsent(pkg, k -> new TreeSet<>());
        Matcher m = REFERENCE.matcher(Files.readString(f));
        while (m.find()) {
          String target = "dev.meshsim" + m.group(1);
          if (!target.equals(pkg)) {
            out.add(target);
          }
        }
      }
    }
  }

  /** The strongly connected components of more than one package (Tarjan). */
  private static Set<Set<String>> cycles(Map<String, Set<String>> edges) {
    Tarjan t = new Tarjan(edges);
    edges.keySet().forEach(v -> {
      if (!t.index.containsKey(v)) {
        t.visit(v);
      }
    });
    return t.components;
  }

  private static final class Tarjan {
    final Map<String, Set<String>> edges;
    final Map<String, Integer> index = new TreeMap<>();
    final Map<String, Integer> low = new TreeMap<>();
    final Deque<String> stack = new ArrayDeque<>();
    final Set<Set<String>> components = new java.util.HashSet<>();

    Tarjan(Map<String, Set<String>> edges) {
      this.edges = edges;
    }

    void visit(String v) {
      index.put(v, index.size());
      low.put(v, index.get(v));
      stack.push(v);
      for (String w : edges.getOrDefault(v, Set.of())) {
        if (!index.containsKey(w)) {
          visit(w);
          low.put(v, Math.min(low.get(v), low.get(w)));
        } else if (stack.contains(w)) {
          low.put(v, Math.min(low.get(v), index.get(w)));
        }
      }
      if (low.get(v).equals(index.get(v))) {
        List<String> component = new ArrayList<>();
        String w;
        do {
          w = stack.pop();
          component.add(w);
        } while (!w.equals(v));
        if (component.size() > 1) {
          components.add(Set.copyOf(component));
        }
      }
    }
  }
}

package dev.meshsim.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.mesh.MeshSimulation;
import dev.meshsim.mesh.xds.XdsType;
import dev.meshsim.result.RunResult;
import dev.meshsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Generated sequences of applies that follow make-before-break (a subset is defined, and every
 * sidecar has it, before a route uses it; no route uses a subset any more before it is removed),
 * over ADS or independent streams with generated delays: no request ends NC or NR, and every
 * sidecar's applied versions only move forward.
 */
class MakeBeforeBreakProperties {
  /** Time between steps: longer than any convergence these settings allow (≤ ~1.3s). */
  private static final int STEP_MS = 2_000;

  @Property(tries = 25)
  void makeBeforeBreakNeverFailsAndVersionsOnlyMoveForward(
      @ForAll @IntRange(min = 1, max = 3) int services,
      @ForAll @IntRange(min = 1, max = 8) int steps,
      @ForAll long seed) throws Exception {
    Random r = new Random(seed);
    Path file = Files.createTempFile("make-before-break", ".yaml");
    try {
      Files.writeString(file, scenario(services, steps, r));
      MeshSimulation sim = new MeshSimulation(ScenarioLoader.load(file).scenario());
      Map<String, long[]> last = new HashMap<>();
      List<String> regressions = new ArrayList<>();
      sim.observeXds((pod, type, version, client) -> {
        long[] v = last.computeIfAbsent(pod, p -> new long[] {-1, -1, -1, -1});
        if (version < v[type.ordinal()]) {
          regressions.add(pod + " " + type + " " + v[type.ordinal()] + " -> " + version);
        }
        v[type.ordinal()] = version;
      });
      RunResult result = sim.run();
      assertEquals(List.of(), regressions);
      assertEquals(0, result.total().flags().getOrDefault("NC", 0L), result.total().flags().toString());
      assertEquals(0, result.total().flags().getOrDefault("NR", 0L), result.total().flags().toString());
      assertTrue(result.total().requests() > 0);
      assertTrue(last.values().stream().anyMatch(v -> v[XdsType.RDS.ordinal()] > 0) || steps == 0,
          "some sidecar applied a pushed version");
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** The YAML of a generated scenario; step i happens at 1s + i × STEP_MS. */
  private static String scenario(int services, int steps, Random r) {
    StringBuilder y = new StringBuilder();
    y.append("duration: ").append(1_000 + (steps + 1) * STEP_MS).append("ms\n");
    y.append("controlPlane:\n  delivery: ");
    if (r.nextBoolean()) {
      y.append("{mode: ads}\n");
    } else {
      y.append("{mode: independent");
      for (String t : List.of("cds", "eds", "lds", "rds")) {
        y.append(", ").append(t).append(": ").append(r.nextInt(500)).append("ms");
      }
      y.append("}\n");
    }
    y.append("services:\n");
    List<TreeSet<Integer>> defined = new ArrayList<>();
    List<TreeSet<Integer>> routed = new ArrayList<>();
    StringBuilder istio = new StringBuilder("istio:\n");
    for (int s = 0; s < services; s++) {
      y.append("  - name: s").append(s).append("\n    ports: [{name: http, port: 8080}]\n    deployments:\n");
      for (int v = 0; v < 3; v++) {
        y.append("      - {name: s").append(s).append("-v").append(v).append(", labels: {app: s").append(s)
            .append(", version: v").append(v).append("}, replicas: ").append(1 + r.nextInt(2))
            .append(", workers: 8, serviceTime: 1ms}\n");
      }
      defined.add(new TreeSet<>(List.of(0)));
      routed.add(new TreeSet<>(List.of(0)));
      istio.append(destinationRule(s, defined.get(s), "  ")).append(virtualService(s, routed.get(s), r, "  "));
    }
    y.append(istio);
    y.append("timeline:\n");
    for (int i = 0; i < steps; i++) {
      int s = r.nextInt(services);
      TreeSet<Integer> d = defined.get(s);
      TreeSet<Integer> rt = routed.get(s);
      y.append("  - at: ").append(1_000 + i * STEP_MS).append("ms\n    apply:\n");
      int op = r.nextInt(3);
      if (op == 0 && d.size() < 3) { // define a new subset: safe at once
        int add = 0;
        while (d.contains(add)) {
          add++;
        }
        d.add(add);
        y.append(destinationRule(s, d, "      "));
      } else if (op == 1 && d.size() > rt.size()) { // remove a subset no route uses (since a step ago)
        int remove = d.stream().filter(v -> !rt.contains(v)).findFirst().orElseThrow();
        d.remove(remove);
        y.append(destinationRule(s, d, "      "));
      } else { // route to subsets defined since at least a step ago
        rt.clear();
        for (int v : d) {
          if (r.nextBoolean()) {
            rt.add(v);
          }
        }
        if (rt.isEmpty()) {
          rt.add(d.first());
        }
        y.append(virtualService(s, rt, r, "      "));
      }
    }
    y.append("load:\n");
    for (int l = 0; l < 1 + r.nextInt(2); l++) {
      y.append("  - {name: load").append(l).append(", target: s").append(r.nextInt(services))
          .append(":8080, arrival: {poisson: ").append(50 + r.nextInt(150)).append("/s}}\n");
    }
    return y.toString();
  }

  private static String destinationRule(int s, TreeSet<Integer> subsets, String indent) {
    StringBuilder y = new StringBuilder();
    y.append(indent).append("- apiVersion: networking.istio.io/v1\n");
    y.append(indent).append("  kind: DestinationRule\n");
    y.append(indent).append("  metadata: {name: s").append(s).append("}\n");
    y.append(indent).append("  spec:\n");
    y.append(indent).append("    host: s").append(s).append("\n");
    y.append(indent).append("    subsets:\n");
    for (int v : subsets) {
      y.append(indent).append("      - {name: v").append(v).append(", labels: {version: v").append(v).append("}}\n");
    }
    return y.toString();
  }

  private static String virtualService(int s, TreeSet<Integer> subsets, Random r, String indent) {
    StringBuilder y = new StringBuilder();
    y.append(indent).append("- apiVersion: networking.istio.io/v1\n");
    y.append(indent).append("  kind: VirtualService\n");
    y.append(indent).append("  metadata: {name: s").append(s).append("}\n");
    y.append(indent).append("  spec:\n");
    y.append(indent).append("    hosts: [s").append(s).append("]\n");
    y.append(indent).append("    http:\n");
    y.append(indent).append("      - route:\n");
    for (int v : subsets) {
      y.append(indent).append("          - {destination: {host: s").append(s).append(", subset: v").append(v)
          .append("}, weight: ").append(1 + r.nextInt(99)).append("}\n");
    }
    return y.toString();
  }
}

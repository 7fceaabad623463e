package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.mesh.MeshSimulation;
import dev.meshsim.result.Convergence;
import dev.meshsim.result.RunResult;
import dev.meshsim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Convergence time grows with the mesh as the model says. With constant costs, the last sidecar of
 * one VirtualService change has it after: debounce (100ms) + push context (base + per resource ×
 * resources) + ⌈sidecars / throttle⌉ proxy pushes (base + per resource × its clusters and virtual
 * hosts) + delivery (5ms).
 */
class ConvergenceScalingTest {
  private static final long US = 1_000L;
  private static final long MS = 1_000 * US;

  @TempDir Path tmp;

  /** {@code services} services of {@code replicas} pods each, plus one load generator sidecar. */
  private RunResult run(int services, int replicas) throws Exception {
    StringBuilder y = new StringBuilder("""
        duration: 3s
        controlPlane:
          apply: {gap: 0}
          pushThrottle: 10
          pushCost: {context: {base: 10ms, perResource: 10us}, proxy: {base: 2ms, perResource: 1us}}
          delivery: {delay: 5ms}
        services:
        """);
    for (int i = 0; i < services; i++) {
      y.append("  - {name: svc-").append(i).append(", ports: [{name: http, port: 8080}], deployments: [{name: svc-")
          .append(i).append("-v1, replicas: ").append(replicas).append(", serviceTime: 1ms}]}\n");
    }
    y.append("""
        load: [{name: users, target: svc-0:8080, arrival: {poisson: 10/s}}]
        timeline:
          - at: 1s
            apply:
              - apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: svc-0}
                spec: {hosts: [svc-0], http: [{route: [{destination: {host: svc-0}}], timeout: 5s}]}
        """);
    Path file = Files.writeString(tmp.resolve("mesh-" + services + "x" + replicas + ".yaml"), y.toString());
    return MeshSimulation.run(ScenarioLoader.load(file).scenario());
  }

  /** What the model predicts for the slowest sidecar. */
  private static long predictedMax(int services, int replicas) {
    int sidecars = services * replicas + 1;
    long context = 10 * MS + 10 * US * (services + 1); // service ports + the VirtualService
    long perProxy = 2 * MS + US * (2L * services);      // one cluster and one virtual host per service
    long batches = (sidecars + 9) / 10;
    return 100 * MS + context + batches * perProxy + 5 * MS;
  }

  @Test
  void moreSidecarsTakeLonger() throws Exception {
    Convergence small = run(5, 10).timeline().convergence().get(0);
    Convergence large = run(5, 40).timeline().convergence().get(0);
    assertEquals(51, small.sidecars());
    assertEquals(201, large.sidecars());
    assertEquals(predictedMax(5, 10), small.quantileNanos(1));
    assertEquals(predictedMax(5, 40), large.quantileNanos(1));
    assertTrue(large.quantileNanos(0.5) > small.quantileNanos(0.5));
  }

  /** The same 51 sidecars with ten times the services: every push is bigger. */
  @Test
  void biggerConfigsTakeLonger() throws Exception {
    Convergence few = run(5, 10).timeline().convergence().get(0);
    Convergence many = run(50, 1).timeline().convergence().get(0);
    assertEquals(few.sidecars(), many.sidecars());
    assertEquals(predictedMax(50, 1), many.quantileNanos(1));
    assertTrue(many.quantileNanos(1) > few.quantileNanos(1));
  }
}

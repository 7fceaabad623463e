package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.result.Convergence;
import dev.meshsim.result.PushRecord;
import dev.meshsim.result.RunResult;
import dev.meshsim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * istiod's per-proxy push filter (istio {@code proxy_dependencies.go} {@code DefaultProxyNeedsPush},
 * {@code sidecar.go} {@code DependsOnConfig}): a change is pushed only to the proxies whose Sidecar
 * scope depends on it. In {@code push-filter.yaml} the 60 proxies of namespace web import only their
 * own namespace; a VirtualService for data's api and an api pod's endpoints concern data's 3 proxies
 * only. Before, istiod pushed every proxy on every change.
 */
class PushFilterTest {
  private static final Path SCENARIO = Path.of("src/test/resources/scenarios/sidecar/push-filter.yaml");
  /** ⌈n / pushThrottle⌉ rounds of 100 µs + 2 µs per cluster and virtual host: data's proxies have 2 + 2. */
  private static final long PUSH_ROUND = 100_000 + 2_000 * 4;

  @TempDir Path dir;

  private static RunResult run(Path file) throws Exception {
    return Scenarios.run(ScenarioLoader.load(file).scenario());
  }

  @Test
  void changesOutsideTheirScopeSkipTheProxiesOfWeb() throws Exception {
    RunResult r = run(SCENARIO);
    List<PushRecord> pushes = r.timeline().pushes();
    assertEquals(List.of(60, 60), pushes.stream().map(PushRecord::skippedProxies).toList());
    PushRecord full = pushes.get(0);
    assertEquals(PUSH_ROUND, full.doneNanos() - full.readyNanos(), "one round: data's 3 proxies only");
    List<Convergence> c = r.timeline().convergence();
    assertEquals(3, c.get(0).sidecars(), "the VirtualService reaches data's 3 proxies");
    assertEquals(2, c.get(1).sidecars(), "the endpoints change too (the killed pod's own proxy is gone)");
    c.forEach(x -> assertEquals(0, x.pending(), x.toString()));
  }

  @Test
  void withoutTheScopeEveryProxyIsPushed() throws Exception {
    Path all = Files.writeString(dir.resolve("all.yaml"),
        Files.readString(SCENARIO).replace("hosts: [\"./*\"]", "hosts: [\"*/*\"]"));
    RunResult r = run(all);
    assertEquals(List.of(0, 0), r.timeline().pushes().stream().map(PushRecord::skippedProxies).toList());
    assertEquals(63, r.timeline().convergence().get(0).sidecars());
    assertEquals(62, r.timeline().convergence().get(1).sidecars());
    PushRecord full = r.timeline().pushes().get(0);
    assertTrue(full.doneNanos() - full.readyNanos() >= 3 * 100_000, "⌈63/25⌉ = 3 rounds");
  }

  @Test
  void aSidecarAppliedInOneNamespacePushesOnlyTheProxiesItSelects() throws Exception {
    String sidecar = "  - at: 4s\n    apply:\n      - apiVersion: networking.istio.io/v1\n        kind: Sidecar\n"
        + "        metadata: {name: default, namespace: data}\n        spec:\n"
        + "          egress: [{hosts: [\"./*\"]}]\nload:\n";
    // With an ingress gateway too: a gateway depends on every config but Sidecars (UnAffectedConfigKinds).
    Path file = Files.writeString(dir.resolve("sidecar.yaml"), "ingressGateway: {enabled: true}\n"
        + Files.readString(SCENARIO).replace("load:\n", sidecar));
    RunResult r = run(file);
    assertEquals(List.of(60, 60, 61), r.timeline().pushes().stream().map(PushRecord::skippedProxies).toList(),
        "the gateway gets the VirtualService and the endpoints, not the Sidecar");
    PushRecord third = r.timeline().pushes().get(2);
    assertTrue(third.full(), third.toString());
    assertEquals(3, r.timeline().convergence().get(2).sidecars(), "api-1, its replacement and the client");
  }
}

package dev.meshsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.yaml.YamlList;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import dev.meshsim.yaml.ReadLimits;
import dev.meshsim.yaml.SourceFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps scenarios/reference.yaml and the README's scenario format from rotting: the reference loads
 * without warnings and uses every key the binders accept, and the doc (docs/scenario-format.md)
 * names every one of them.
 */
class ReferenceScenarioTest {

  /** Tests run in the module directory; the reference lives at the repository root. */
  private static final Path REFERENCE = Path.of("../scenarios/reference.yaml");
  private static final Path DOC = Path.of("../docs/scenario-format.md");
  /** The manifest keys are documented in their own page, linked from the README. */
  private static final Path MANIFEST_DOC = Path.of("../docs/manifests.md");

  /** Every key the loader accepts and models, by the normalized path of the map holding it. */
  private static Map<String, List<String>> acceptedKeys() {
    Map<String, List<String>> keys = new TreeMap<>();
    keys.put("", ScenarioLoader.TOP_KEYS);
    keys.put("mesh", List.of("iptables", "sidecar", "network", "tls"));
    keys.put("mesh.tls", List.of("handshake"));
    keys.put("istio.meshConfig", List.of("outboundTrafficPolicy", "enableAutoMtls", "rootNamespace"));
    keys.put("mesh.iptables", List.of("hop"));
    keys.put("mesh.sidecar", List.of("enabled", "processing", "concurrency"));
    keys.put("mesh.network", List.of("latency"));
    keys.put("services[]", ServiceBinder.SERVICE_KEYS);
    keys.put("services[].ports[]", List.of("name", "port"));
    keys.put("services[].deployments[]", ServiceBinder.DEPLOYMENT_KEYS);
    keys.put("services[].deployments[].calls[]", union(RequestBinder.CALL_KEYS, List.of("parallel")));
    keys.put("load[]", LoadBinder.LOAD_KEYS);
    keys.put("load[].arrival", List.of("poisson", "constant", "connections", "qps"));
    keys.put("istio", ScenarioLoader.ISTIO_KEYS);
    keys.put("istio[].spec.http[]", List.of("name", "match", "route", "timeout", "retries", "fault", "redirect",
        "directResponse", "mirror", "mirrorPercentage", "mirrors"));
    keys.put("istio[].spec.http[].mirrors[]", List.of("destination", "percentage"));
    keys.put("istio[].spec.http[].redirect", DirectReplyBinder.REDIRECT_KEYS.stream()
        .filter(k -> !k.equals("derivePort")).toList()); // port and derivePort are alternatives
    keys.put("istio[].spec.http[].directResponse", List.of("status", "body"));
    keys.put("istio[].spec.http[].directResponse.body", List.of("string"));
    keys.put("istio[].spec.http[].match[]", without(MatchBinder.MATCH_KEYS, "statPrefix"));
    keys.put("istio[].spec.http[].retries", HttpPolicyBinder.RETRY_KEYS);
    keys.put("istio[].spec.http[].fault", HttpPolicyBinder.FAULT_KEYS);
    keys.put("istio[].spec.http[].fault.delay", List.of("fixedDelay", "percentage"));
    keys.put("istio[].spec.http[].fault.abort", List.of("httpStatus", "percentage"));
    keys.put("istio[].spec.http[].fault.abort.percentage", List.of("value"));
    keys.put("timeline[]", TimelineBinder.EVENT_KEYS);
    keys.put("timeline[].delete", TimelineBinder.DELETE_KEYS);
    keys.put("timeline[].scale", TimelineBinder.SCALE_KEYS);
    keys.put("timeline[].kill", TimelineBinder.PODS_KEYS);
    keys.put("timeline[].restart", TimelineBinder.PODS_KEYS);
    keys.put("timeline[].rollout", TimelineBinder.ROLLOUT_KEYS);
    keys.put("timeline[].failure", TimelineBinder.FAILURE_KEYS);
    keys.put("controlPlane", ControlPlaneBinder.CONTROL_PLANE_KEYS);
    keys.put("controlPlane.apply", ControlPlaneBinder.APPLY_KEYS);
    keys.put("controlPlane.debounce", ControlPlaneBinder.DEBOUNCE_KEYS);
    keys.put("controlPlane.pushCost", ControlPlaneBinder.PUSH_COST_KEYS);
    keys.put("controlPlane.pushCost.context", ControlPlaneBinder.COST_KEYS);
    keys.put("controlPlane.pushCost.proxy", ControlPlaneBinder.COST_KEYS);
    keys.put("controlPlane.delivery", ControlPlaneBinder.DELIVERY_KEYS);
    keys.put("lifecycle", union(LifecycleBinder.LIFECYCLE_KEYS, List.of("deployments")));
    keys.put("lifecycle.deployments.productpage-v1", List.of("appStartup", "startupCalls"));
    keys.put("lifecycle.deployments.productpage-v1.startupCalls[]", LifecycleBinder.STARTUP_CALL_KEYS);
    keys.put("report", TimelineBinder.REPORT_KEYS);
    keys.put("workloads.httpbin", WorkloadOverlay.KEYS);
    String tp = "istio[].spec.trafficPolicy";
    keys.put(tp, without(TrafficPolicyBinder.POLICY_KEYS, "tunnel", "proxyProtocol", "retryBudget"));
    keys.put(tp + ".portLevelSettings[]", TrafficPolicyBinder.PORT_KEYS);
    keys.put(tp + ".tls", List.of("mode", "sni", "subjectAltNames")); // the certificate fields: docs only
    keys.put(tp + ".loadBalancer",
        without(TrafficPolicyBinder.LB_KEYS, "localityLbSetting", "warmupDurationSecs", "warmup"));
    keys.put(tp + ".loadBalancer.consistentHash", without(TrafficPolicyBinder.HASH_KEYS, "minimumRingSize"));
    keys.put(tp + ".loadBalancer.consistentHash.httpCookie", List.of("name", "path", "ttl"));
    keys.put(tp + ".loadBalancer.consistentHash.ringHash", List.of("minimumRingSize"));
    keys.put(tp + ".loadBalancer.consistentHash.maglev", List.of("tableSize"));
    keys.put(tp + ".connectionPool", PoolBinder.POOL_KEYS);
    keys.put(tp + ".connectionPool.tcp", without(PoolBinder.TCP_KEYS, "tcpKeepalive"));
    keys.put(tp + ".connectionPool.http", PoolBinder.HTTP_KEYS);
    keys.put(tp + ".outlierDetection", without(PoolBinder.OUTLIER_KEYS, "consecutiveErrors"));
    return keys;
  }

  /**
   * Keys the README documents but the reference leaves out: alternatives of a oneof the reference
   * already shows (a gRPC abort in Bookinfo's HTTP) and deprecated forms.
   */
  private static final List<String> DOCUMENTED_ONLY = List.of("grpcStatus", "percent", "derivePort", "bytes",
      "mirrorPercent");

  /** {@code keys} without those accepted only with a warning (the reference loads without any). */
  private static List<String> without(List<String> keys, String... warned) {
    return keys.stream().filter(k -> !List.of(warned).contains(k)).toList();
  }

  private static List<String> union(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  @Test
  void theReferenceLoadsWithoutWarnings() throws Exception {
    LoadedScenario loaded = ScenarioLoader.load(REFERENCE);
    assertEquals(List.of(), loaded.warnings());
    Scenario s = loaded.scenario();
    assertEquals("reference", s.name());
    assertEquals(MeshBinder.DEFAULTS, s.mesh()); // the mesh block spells out the defaults
    assertEquals(5, s.services().size()); // four in services:, httpbin from kubernetesFiles
    assertEquals(3, s.loads().size());
    assertEquals(4, s.istio().destinationRules().size());
    assertEquals(IstioVersion.CURRENT, s.istioVersion());
  }

  @Test
  void theReferenceUsesEveryKey() {
    Map<String, Set<String>> used = new TreeMap<>();
    collect(new SourceFiles(ReadLimits.DEFAULT).read(REFERENCE).get(0), used);
    acceptedKeys().forEach((path, keys) -> {
      Set<String> here = used.getOrDefault(path, Set.of());
      for (String key : keys) {
        assertTrue(here.contains(key), "reference.yaml does not use " + (path.isEmpty() ? "" : path + ".") + key);
      }
    });
  }

  @Test
  void theReferenceUsesEveryDistribution() throws Exception {
    String text = Files.readString(REFERENCE);
    for (String family : DistributionBinder.FAMILIES) {
      assertTrue(text.contains("distribution: " + family), "reference.yaml has no " + family + " distribution");
    }
  }

  @Test
  void theDocNamesEveryKeyAndDistribution() throws Exception {
    String doc = Files.readString(DOC) + "\n" + Files.readString(MANIFEST_DOC);
    Set<String> all = new TreeSet<>(DistributionBinder.FAMILIES);
    acceptedKeys().values().forEach(all::addAll);
    all.addAll(DOCUMENTED_ONLY);
    for (String key : all) {
      // Somewhere inside a code span: `key`, `mesh.key`, `{distribution: key, …}`.
      Pattern inCode = Pattern.compile("`[^`\\n]*\\b" + Pattern.quote(key) + "\\b[^`\\n]*`");
      assertTrue(inCode.matcher(doc).find(), "docs/scenario-format.md does not mention " + key);
    }
  }

  /**
   * Records, for each map in the tree, its keys under its path with list indices removed. Paths are
   * normalized so that a key counts wherever it may appear: parallel calls are calls, {@code
   * istio.resources[]} is {@code istio[]}, and subset and port-level policies are traffic policies.
   */
  private static void collect(YamlNode node, Map<String, Set<String>> used) {
    if (node instanceof YamlMap m) {
      String path = node.path().replaceAll("\\[[0-9]+]", "[]").replace(".parallel[]", "")
          .replace("istio.resources[]", "istio[]").replace(".subsets[].trafficPolicy", ".trafficPolicy")
          .replace(".portLevelSettings[].", ".");
      used.computeIfAbsent(path, k -> new TreeSet<>()).addAll(m.keys());
      for (String key : m.keys()) {
        YamlNode value = m.get(key);
        if (value != null) {
          collect(value, used);
        }
      }
    } else if (node instanceof YamlList l) {
      l.items().forEach(item -> collect(item, used));
    }
  }
}

package dev.meshsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.istio.IstioConfig;
import dev.meshsim.istio.ObjectMeta;
import dev.meshsim.istio.VirtualService;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Istio files as successive {@code kubectl apply -f}: a later file replaces an object, a
 * {@code kind: List} is its items, and every warning says where (each test failed before these
 * were handled: the List's items and the later file were dropped or refused, and host warnings had
 * no position).
 */
class IstioApplyOrderTest {

  @TempDir Path tmp;

  private static final Pattern POSITIONED = Pattern.compile("^.+:\\d+:\\d+: [^ ]+: .+$");

  private static String reviewsTo(String subset) {
    return """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: reviews}
        spec:
          hosts: [reviews]
          http: [{route: [{destination: {host: reviews, subset: %s}}]}]
        """.formatted(subset);
  }

  private static final String SUBSETS = """
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: reviews}
      spec: {host: reviews, subsets: [{name: v1, labels: {version: v1}}, {name: v2, labels: {version: v2}}]}
      """;

  private LoadedScenario withFiles(String files) throws ScenarioException {
    return TestScenarios.load(tmp, TestScenarios.MINIMAL + "istioFiles: [" + files + "]\n");
  }

  @Test
  void aLaterFileReplacesTheObjectKeepingItsCreationOrder() throws Exception {
    TestScenarios.write(tmp, "all-v1.yaml", reviewsTo("v1") + "---\n" + SUBSETS);
    TestScenarios.write(tmp, "test-v2.yaml", reviewsTo("v2"));
    LoadedScenario l = withFiles("all-v1.yaml, test-v2.yaml");
    IstioConfig istio = l.scenario().istio();
    assertEquals(1, istio.virtualServices().size());
    VirtualService vs = istio.virtualServices().get(0);
    assertEquals("v2", vs.http().get(0).route().get(0).destination().subset());
    assertEquals(new ObjectMeta("reviews", "default", 0), vs.meta(), "kubectl apply keeps the creation time");
    assertEquals(List.of(), l.warnings());
    assertEquals(1, l.infos().size(), l.infos().toString());
    assertTrue(l.infos().get(0).matches(".*test-v2\\.yaml:3:18: metadata\\.name: VirtualService default/reviews"
        + " replaces the one applied at .*all-v1\\.yaml:3:18, as a second kubectl apply -f would"), l.infos().get(0));
  }

  @Test
  void theSameObjectTwiceInOneFileStaysAnError() {
    TestScenarios.write(tmp, "twice.yaml", reviewsTo("v1") + "---\n" + reviewsTo("v2"));
    String m = TestScenarios.error(tmp, TestScenarios.MINIMAL + "istioFiles: [twice.yaml]\n").getMessage();
    assertTrue(m.matches(".*twice\\.yaml:10:18: document\\[1\\]\\.metadata\\.name: VirtualService default/reviews is"
        + " defined twice \\(first at .*twice\\.yaml:3:18\\)"), m);
  }

  @Test
  void aKindListIsReadAsItsItemsNeverWarnedAbout() throws Exception {
    TestScenarios.write(tmp, "list.yaml", """
        apiVersion: v1
        kind: List
        metadata: {resourceVersion: ""}
        items:
        - apiVersion: networking.istio.io/v1
          kind: DestinationRule
          metadata: {name: reviews, namespace: default}
          spec: {host: reviews, subsets: [{name: v1, labels: {version: v1}}]}
        - apiVersion: security.istio.io/v1
          kind: AuthorizationPolicy
          metadata: {name: deny-all}
          spec: {}
        """);
    LoadedScenario l = withFiles("list.yaml");
    assertEquals(1, l.scenario().istio().destinationRules().size(), "the List's DestinationRule is applied");
    assertEquals(1, l.warnings().size(), l.warnings().toString());
    assertTrue(l.warnings().get(0).contains("items[1].kind: kind AuthorizationPolicy is not modelled yet; ignored"));
  }

  @Test
  void hostWarningsNameTheFileLineColumnAndField() throws Exception {
    TestScenarios.write(tmp, "vs.yaml", """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: shop}
        spec:
          hosts: [shop.example.com, "*.default.svc.cluster.local", reviews]
          http: [{route: [{destination: {host: reviews}}]}]
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: reviews-too}
        spec:
          hosts: [reviews.default.svc.cluster.local]
          http: [{route: [{destination: {host: reviews}}]}]
        """);
    List<String> w = withFiles("vs.yaml").warnings();
    assertEquals(3, w.size(), w.toString());
    w.forEach(line -> assertTrue(POSITIONED.matcher(line).matches(), line));
    assertTrue(w.get(0).matches(".*vs\\.yaml:5:11: document\\[0\\]\\.spec\\.hosts\\[0\\]: host shop\\.example\\.com"
        + " is no service of this scenario; the routes of VirtualService default/shop for it are not simulated"),
        w.get(0));
    assertTrue(w.get(1).contains(":5:29: document[0].spec.hosts[1]: wildcard host *.default.svc.cluster.local"),
        w.get(1));
    assertTrue(w.get(2).contains(":12:11: document[1].spec.hosts[0]: VirtualService default/reviews-too is ignored"
        + " for host reviews.default.svc.cluster.local on sidecars: default/shop is older"), w.get(2));
  }

  @Test
  void kubernetesObjectsInIstioFilesPointToKubernetesFiles() throws Exception {
    TestScenarios.write(tmp, "svc.yaml", """
        apiVersion: v1
        kind: Service
        metadata: {name: details}
        spec: {ports: [{port: 9080}]}
        """);
    List<String> w = withFiles("svc.yaml").warnings();
    assertEquals(1, w.size());
    assertTrue(w.get(0).contains("kind: kind Service is a Kubernetes object: put it under kubernetes, or its file in kubernetesFiles"), w.get(0));
  }
}

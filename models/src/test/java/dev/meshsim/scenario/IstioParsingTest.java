package dev.meshsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.istio.Destination;
import dev.meshsim.istio.DestinationRule;
import dev.meshsim.istio.HttpMatchRequest;
import dev.meshsim.istio.HttpRetry;
import dev.meshsim.istio.HttpRoute;
import dev.meshsim.istio.HttpRouteDestination;
import dev.meshsim.istio.IstioConfig;
import dev.meshsim.istio.LoadBalancerSettings;
import dev.meshsim.istio.ObjectMeta;
import dev.meshsim.istio.StringMatch;
import dev.meshsim.istio.Subset;
import dev.meshsim.istio.VirtualService;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IstioParsingTest {

  @TempDir Path tmp;

  private static LoadedScenario bookinfo() throws ScenarioException {
    return ScenarioLoader.load(Path.of("src/test/resources/scenarios/good/bookinfo.yaml"));
  }

  private LoadedScenario withIstio(String istioBlock) throws ScenarioException {
    return TestScenarios.load(tmp, TestScenarios.MINIMAL + "istio:\n" + istioBlock);
  }

  private ScenarioException istioError(String istioBlock) {
    return TestScenarios.error(tmp, TestScenarios.MINIMAL + "istio:\n" + istioBlock);
  }

  /** A VirtualService for reviews whose {@code http} is {@code httpBlock} (indented by 6). */
  private static String vs(String httpBlock) {
    return """
          - apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: reviews}
            spec:
              hosts: [reviews]
              http:
        """ + reindent(httpBlock, 8);
  }

  /** {@code text} with its common indentation replaced by {@code spaces} spaces. */
  private static String reindent(String text, int spaces) {
    int common = text.lines().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    StringBuilder b = new StringBuilder();
    text.lines().forEach(l -> b.append(" ".repeat(spaces)).append(l.isBlank() ? "" : l.substring(common)).append('\n'));
    return b.toString();
  }

  @Test
  void bookinfoCanaryWithHeaderRegexAnd90To10() throws Exception {
    VirtualService vs = bookinfo().scenario().istio().virtualServices().get(0);
    assertEquals(new ObjectMeta("reviews", "default", 0), vs.meta());
    assertEquals(List.of("reviews"), vs.hosts());
    assertEquals(List.of(), vs.gateways());
    HttpRoute jason = vs.http().get(0);
    assertEquals("jason", jason.name());
    StringMatch endUser = jason.match().get(0).headers().get("end-user");
    assertEquals(StringMatch.Kind.REGEX, endUser.kind());
    assertTrue(endUser.matches("jason", false));
    assertTrue(endUser.matches("jason-2", false));
    assertTrue(!endUser.matches("jasonx", false));
    assertEquals(List.of(new HttpRouteDestination(new Destination("reviews", "v2", null), 0)), jason.route());
    assertEquals(new HttpRoute("", List.of(), List.of(
        new HttpRouteDestination(new Destination("reviews", "v1", null), 90),
        new HttpRouteDestination(new Destination("reviews", "v3", 9080), 10))), vs.http().get(1));
  }

  @Test
  void multiDocumentIstioFilesInReadOrder() throws Exception {
    IstioConfig istio = bookinfo().scenario().istio();
    DestinationRule dr = istio.destinationRules().get(0);
    // Read order: inline VS (0), then the file's DR (1), Gateway (2, ignored) and VS (3).
    assertEquals(new ObjectMeta("reviews", "default", 1), dr.meta());
    assertEquals("reviews", dr.host());
    assertEquals(List.of(new Subset("v1", Map.of("version", "v1")), new Subset("v2", Map.of("version", "v2")),
        new Subset("v3", Map.of("version", "v3"))), dr.subsets());
    VirtualService ratings = istio.virtualServices().get(1);
    assertEquals(new ObjectMeta("ratings", "default", 3), ratings.meta());
    HttpMatchRequest m = ratings.http().get(0).match().get(0);
    assertEquals(StringMatch.prefix("/ratings"), m.uri());
    assertEquals(StringMatch.exact("GET"), m.method());
    assertNull(m.authority());
  }

  @Test
  void theGatewayIsReadNowThatItIsModelled() throws Exception {
    // Unmodelled kinds (AuthorizationPolicy…) stay warnings: IstioApplyOrderTest.
    assertEquals(List.of(), bookinfo().warnings());
    var gateway = bookinfo().scenario().istio().gateways().get(0);
    assertEquals("default/bookinfo-gateway", gateway.qualifiedName());
    assertEquals(Map.of("istio", "ingressgateway"), gateway.selector());
    assertEquals(List.of(new dev.meshsim.istio.Gateway.Server(80, "HTTP", List.of("*"))), gateway.servers());
    HttpRoute ratings = bookinfo().scenario().istio().virtualServices().get(1).http().get(0);
    assertEquals(new HttpRetry(3, 2_000_000_000L, null, null, null, null), ratings.retries());
    assertEquals(10_000_000_000L, ratings.timeoutNanos());
  }

  @Test
  void everyMatchField() throws Exception {
    HttpMatchRequest m = withIstio(vs("""
            - match:
                - name: all
                  uri: {exact: /a}
                  scheme: {exact: http}
                  authority: {prefix: reviews}
                  headers: {X-User: {exact: jason}, x-present: {}}
                  withoutHeaders: {x-debug: {prefix: "1"}}
                  queryParams: {v: {regex: "[0-9]+"}}
                  port: 9080
                  ignoreUriCase: true
                  sourceLabels: {app: users}
                  sourceNamespace: default
                  gateways: [mesh]
              route: [{destination: {host: reviews}}]
        """)).scenario().istio().virtualServices().get(0).http().get(0).match().get(0);
    assertEquals("all", m.name());
    assertEquals(StringMatch.exact("/a"), m.uri());
    assertEquals(StringMatch.exact("http"), m.scheme());
    assertEquals(StringMatch.prefix("reviews"), m.authority());
    assertEquals(List.of("x-user", "x-present"), List.copyOf(m.headers().keySet()));
    assertEquals(StringMatch.present(), m.headers().get("x-present"));
    assertEquals(StringMatch.prefix("1"), m.withoutHeaders().get("x-debug"));
    assertTrue(m.queryParams().get("v").matches("42", false));
    assertEquals(9080, m.port());
    assertTrue(m.ignoreUriCase());
    assertEquals(Map.of("app", "users"), m.sourceLabels());
    assertEquals("default", m.sourceNamespace());
    assertEquals(List.of("mesh"), m.gateways());
  }

  @Test
  void re2NamedGroupsAreAccepted() throws Exception {
    StringMatch re = withIstio(vs("""
            - match: [{uri: {regex: "/(?P<id>[0-9]+)"}}]
              route: [{destination: {host: reviews}}]
        """)).scenario().istio().virtualServices().get(0).http().get(0).match().get(0).uri();
    assertEquals("/(?P<id>[0-9]+)", re.value());
    assertTrue(re.matches("/42", false));
  }

  @Test
  void redirectsAndDirectResponsesAreRouteActionsWithoutDestinations() throws Exception {
    LoadedScenario l = withIstio(vs("""
            - match: [{uri: {prefix: /old}}]
              redirect: {uri: /new, authority: ratings, scheme: https, port: 8443}
            - match: [{uri: {prefix: /gone}}]
              redirect: {uri: /new, redirectCode: 0}
            - match: [{uri: {prefix: /down}}]
              directResponse: {status: 503, body: {bytes: ZG93bg==}}
            - route: [{destination: {host: reviews}}]
        """));
    assertEquals(List.of(), l.warnings());
    var http = l.scenario().istio().virtualServices().get(0).http();
    assertEquals(List.of(), http.get(0).route());
    assertEquals(new dev.meshsim.istio.HttpDirectReply(301, true, "https://ratings:8443/new", 0), http.get(0).directReply());
    assertEquals(301, http.get(1).directReply().code(), "redirectCode 0 is MOVED_PERMANENTLY");
    assertEquals(new dev.meshsim.istio.HttpDirectReply(503, false, "", 4), http.get(2).directReply());
    assertEquals(null, http.get(3).directReply());
  }

  @Test
  void badRedirectsAndDirectResponsesArePositioned() {
    assertBad("""
            - redirect: {uri: /new, redirectCode: 304}
        """, "istio[0].spec.http[0].redirect.redirectCode",
        "304 is not a redirect code Istio supports; use 301, 302, 303, 307 or 308");
    assertBad("""
            - directResponse: {status: 600}
        """, "istio[0].spec.http[0].directResponse.status", "expected a whole number in [200, 599], got 600");
    assertBad("""
            - redirect: {uri: /new}
              directResponse: {status: 200}
        """, "istio[0].spec.http[0].directResponse",
        "a route cannot both redirect and answer directly (Istio rejects it)");
    assertBad("""
            - directResponse: {status: 200, body: {bytes: "not base64!"}}
        """, "istio[0].spec.http[0].directResponse.body.bytes",
        "bytes must be base64, as a protobuf bytes field in YAML is");
  }

  @Test
  void mirrorsAreReadAsIstiodReadsThem() throws Exception {
    var http = withIstio(vs("""
            - route: [{destination: {host: reviews}}]
              mirror: {host: ratings}
            - route: [{destination: {host: reviews}}]
              mirror: {host: ratings}
              mirrorPercent: 20
            - route: [{destination: {host: reviews}}]
              mirrors:
                - {destination: {host: ratings}, percentage: {value: 12.5}}
                - destination: {host: reviews}
        """)).scenario().istio().virtualServices().get(0).http();
    assertEquals(100.0, http.get(0).mirrors().get(0).percent(), "absent means 100%");
    assertEquals(20.0, http.get(1).mirrors().get(0).percent());
    assertEquals(List.of(12.5, 100.0), http.get(2).mirrors().stream().map(m -> m.percent()).toList());
  }

  @Test
  void badMirrorsArePositioned() {
    assertBad("""
            - route: [{destination: {host: reviews}}]
              mirror: {host: ratings}
              mirrorPercentage: {value: 120}
        """, "istio[0].spec.http[0].mirrorPercentage.value", "percentage 120 is neither 0 nor in [0.0001, 100]");
    assertBad("""
            - route: [{destination: {host: reviews}}]
              mirror: {host: ratings}
              mirrors: [{destination: {host: ratings}}]
        """, "istio[0].spec.http[0].mirrors", "mirror and mirrors cannot be used together (Istio rejects it)");
    assertBad("""
            - route: [{destination: {host: reviews}}]
              mirrorPercentage: {value: 10}
        """, "istio[0].spec.http[0].mirrorPercentage", "mirrorPercentage needs mirror");
  }

  private void assertBad(String http, String path, String problem) {
    ScenarioException e = istioError(vs(http));
    assertEquals(path, e.path(), e.getMessage());
    assertEquals(problem, e.problem(), e.getMessage());
  }

  @Test
  void routesToUnknownHostsOrSubsetsWarnOf503Nc() throws Exception {
    List<String> w = withIstio(vs("""
            - route:
                - {destination: {host: reviews, subset: v9}, weight: 1}
                - {destination: {host: reviews.default}, weight: 1}
                - {destination: {host: ratings.default.svc.cluster.local}, weight: 1}
        """)).warnings();
    assertEquals(2, w.size(), w.toString());
    assertTrue(w.get(0).contains("route[0].destination: no DestinationRule for reviews.default.svc.cluster.local"
        + " defines subset v9"), w.get(0));
    assertTrue(w.get(1).contains("route[1].destination: host reviews.default is no service"),
        w.get(1));
  }

  @Test
  void zeroWeightsNeedAPositiveTotal() throws Exception {
    withIstio(vs("            - route: [{destination: {host: reviews}, weight: 0}]\n"));
    ScenarioException e = istioError(vs("""
            - route:
                - {destination: {host: reviews}, weight: 0}
                - {destination: {host: reviews}}
        """));
    assertEquals("istio[0].spec.http[0].route", e.path());
    assertEquals("the weights of these 2 destinations add up to 0; at least one must be > 0", e.problem());
  }

  @Test
  void invalidIstioIsPositioned() {
    assertProblem(vs("            - route: [{destination: {host: reviews}, weight: 1.5}]\n"),
        "istio[0].spec.http[0].route[0].weight", "expected a whole number >= 0, got 1.5");
    assertProblem(vs("            - match: [{uri: {prefix: /a}}]\n"),
        "istio[0].spec.http[0]", "an http route needs route (or redirect, directResponse or delegate)");
    assertProblem(vs("            - {route: [], match: []}\n"),
        "istio[0].spec.http[0].route", "needs at least 1 destination, got 0");
    assertProblem(vs("            - {match: [{uri: {exact: /a, prefix: /b}}], route: [{destination: {host: a}}]}\n"),
        "istio[0].spec.http[0].match[0].uri", "a string match needs exactly one of exact, prefix or regex");
    assertProblem(vs("            - {match: [{uri: {}}], route: [{destination: {host: a}}]}\n"),
        "istio[0].spec.http[0].match[0].uri", "a string match needs exactly one of exact, prefix or regex");
    assertProblem(vs("            - {match: [{uri: {regex: \"/(a\"}}], route: [{destination: {host: a}}]}\n"),
        "istio[0].spec.http[0].match[0].uri.regex", "invalid regex \"/(a\": missing closing )");
    assertProblem(vs("            - {match: [{uri: {regex: \"/(?!x)\"}}], route: [{destination: {host: a}}]}\n"),
        "istio[0].spec.http[0].match[0].uri.regex", "regex \"/(?!x)\" uses a lookaround assertion, which RE2"
            + " (the regex engine of Envoy and istiod) does not support");
    assertProblem(vs("            - {match: [{port: http}], route: [{destination: {host: a}}]}\n"),
        "istio[0].spec.http[0].match[0].port", "expected a whole number in [1, 65535], got \"http\"");
    assertProblem(vs("            - {route: [{destination: {host: a, port: 9080}}]}\n"),
        "istio[0].spec.http[0].route[0].destination.port", "expected a mapping, got 9080");
    assertProblem(vs("            - {route: [{destination: {host: a}}], redirect: {uri: /b}}\n"),
        "istio[0].spec.http[0].route", "route cannot be combined with redirect or directResponse (Istio rejects it)");
  }

  @Test
  void invalidResourcesArePositioned() {
    assertProblem("  - {apiVersion: networking.istio.io/v1, kind: VirtualServce, metadata: {name: a}, spec: {}}\n",
        "istio[0].kind", "unknown kind \"VirtualServce\"; did you mean \"VirtualService\"?");
    assertProblem("  - {apiVersion: networking.istio.io/v2, kind: DestinationRule, metadata: {name: a}, spec: {host: a}}\n",
        "istio[0].apiVersion", "expected networking.istio.io/v1, v1beta1 or v1alpha3, got \"networking.istio.io/v2\"");
    assertProblem("""
          - apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: r}
            spec:
              host: reviews
              subsets: [{name: v1, labels: {version: v1}}, {name: v1, labels: {version: v2}}]
        """, "istio[0].spec.subsets[1].name", "subset v1 is defined twice in this DestinationRule");
    assertProblem("""
          - {apiVersion: networking.istio.io/v1, kind: DestinationRule, metadata: {name: r}, spec: {host: a}}
          - {apiVersion: networking.istio.io/v1beta1, kind: DestinationRule, metadata: {name: r}, spec: {host: b}}
        """, "istio[1].metadata.name", "DestinationRule default/r is defined twice (first at ");
    assertProblem("  - {apiVersion: networking.istio.io/v1, kind: DestinationRule, metadata: {name: r},"
        + " spec: {host: a, trafficPolicy: {}, subsetz: []}}\n",
        "istio[0].spec.subsetz", "unknown key \"subsetz\"; did you mean \"subsets\"?");
  }

  @Test
  void unmodelledDestinationRuleFieldsWarn() throws Exception {
    LoadedScenario l = withIstio("""
          - apiVersion: networking.istio.io/v1beta1
            kind: DestinationRule
            metadata: {name: r, namespace: default, labels: {a: b}, annotations: {x: y}}
            spec:
              host: reviews
              exportTo: ["."]
              workloadSelector: {matchLabels: {app: users}}
              trafficPolicy: {loadBalancer: {simple: ROUND_ROBIN}}
              subsets: [{name: v1, labels: {version: v1}, trafficPolicy: {loadBalancer: {simple: RANDOM}}}]
          - {apiVersion: v1, kind: Service, metadata: {name: x}, spec: {ports: []}}
        """);
    List<String> w = l.warnings();
    assertEquals(2, w.size(), w.toString()); // exportTo is modelled (DestinationRuleLookup)
    assertTrue(w.get(0).contains("istio[0].spec.workloadSelector: workloadSelector is not modelled yet"), w.get(0));
    assertTrue(w.get(1).contains("istio[1].kind: kind Service is a Kubernetes object: put it under kubernetes,"
        + " or its file in kubernetesFiles, to simulate it; ignored here"), w.get(1));
    DestinationRule dr = l.scenario().istio().destinationRules().get(0);
    assertEquals(List.of("."), dr.exportTo());
    assertEquals(LoadBalancerSettings.Simple.ROUND_ROBIN, dr.trafficPolicy().loadBalancer().simple());
    assertEquals(LoadBalancerSettings.Simple.RANDOM, dr.subsets().get(0).trafficPolicy().loadBalancer().simple());
  }

  private void assertProblem(String istioBlock, String path, String problemStart) {
    ScenarioException e = istioError(istioBlock);
    assertEquals(path, e.path(), e.getMessage());
    assertTrue(e.problem().startsWith(problemStart), e.getMessage());
  }
}

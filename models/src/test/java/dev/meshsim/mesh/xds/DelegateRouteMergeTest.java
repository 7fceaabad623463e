package dev.meshsim.mesh.xds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.istio.Destination;
import dev.meshsim.istio.HttpDelegate;
import dev.meshsim.istio.HttpMatchRequest;
import dev.meshsim.istio.HttpRoute;
import dev.meshsim.istio.HttpRouteDestination;
import dev.meshsim.istio.ObjectMeta;
import dev.meshsim.istio.StringMatch;
import dev.meshsim.istio.VirtualService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** istiod's merge of a delegate's routes into the root route that delegates (istio virtualservice.go). */
class DelegateRouteMergeTest {

  private static HttpMatchRequest uri(StringMatch uri, Map<String, StringMatch> headers) {
    return new HttpMatchRequest("", uri, null, null, null, headers, Map.of(), Map.of(), null, false, Map.of(),
        null, List.of());
  }

  private static HttpMatchRequest uri(StringMatch uri) {
    return uri(uri, Map.of());
  }

  private static HttpRoute to(String host, List<HttpMatchRequest> match) {
    return new HttpRoute("", match, List.of(new HttpRouteDestination(new Destination(host, null, null), 0)));
  }

  private static HttpRoute delegating(String name, String namespace, List<HttpMatchRequest> match, Long timeout) {
    return new HttpRoute("root", match, List.of(), timeout, null, null, null, List.of(),
        new HttpDelegate(name, namespace));
  }

  @Test
  void aChildExactUnderTheRootPrefixKeepsTheExactMatchAndTheRootsPolicies() {
    HttpRoute root = delegating("child", null, List.of(uri(StringMatch.prefix("/productpage"))), 3_000_000_000L);
    HttpRoute child = new HttpRoute("v2", List.of(uri(StringMatch.exact("/productpage/v2"))),
        to("productpage-v2", List.of()).route());
    HttpRoute merged = DelegateRouteMerge.merge(root, child);
    assertEquals(List.of(uri(StringMatch.exact("/productpage/v2"))), merged.match());
    assertEquals("root-v2", merged.name(), "istio joins the names with a dash");
    assertEquals(3_000_000_000L, merged.timeoutNanos(), "an unset timeout comes from the root");
    assertNull(merged.delegate());
  }

  @Test
  void aChildWithoutMatchTakesTheRootsAndHeadersAddUp() {
    HttpMatchRequest rootMatch = uri(StringMatch.prefix("/api/"), Map.of("team", StringMatch.exact("b")));
    assertEquals(List.of(rootMatch), DelegateRouteMerge.mergeMatches(List.of(rootMatch), List.of()));
    HttpMatchRequest childMatch = uri(null, Map.of("end-user", StringMatch.exact("jason")));
    List<HttpMatchRequest> merged = DelegateRouteMerge.mergeMatches(List.of(rootMatch), List.of(childMatch));
    assertEquals(List.of(uri(StringMatch.prefix("/api/"),
        Map.of("team", StringMatch.exact("b"), "end-user", StringMatch.exact("jason")))), merged);
  }

  @Test
  void childMatchesOutsideTheRootsConflictAndTheChildRouteIsDropped() {
    List<HttpMatchRequest> root = List.of(uri(StringMatch.prefix("/api/v3/")));
    assertNull(DelegateRouteMerge.mergeMatches(root, List.of(uri(StringMatch.prefix("/api/")))), "wider prefix");
    assertNull(DelegateRouteMerge.mergeMatches(root, List.of(uri(StringMatch.exact("/other")))), "exact elsewhere");
    assertNull(DelegateRouteMerge.mergeMatches(root, List.of(uri(StringMatch.regex("/api/v3/.*")))), "regex under prefix");
    assertNull(DelegateRouteMerge.mergeMatches(List.of(uri(StringMatch.exact("/a"))),
        List.of(uri(StringMatch.prefix("/a")))), "prefix under an exact");
    // one child match that fits none of the root's drops the whole child route, as istio does
    assertNull(DelegateRouteMerge.mergeMatches(root,
        List.of(uri(StringMatch.prefix("/api/v3/x")), uri(StringMatch.prefix("/b")))));
    // each child match pairs with every root match it narrows
    List<HttpMatchRequest> two = List.of(uri(StringMatch.prefix("/a")), uri(StringMatch.prefix("/ab")));
    assertEquals(2, DelegateRouteMerge.mergeMatches(two, List.of(uri(StringMatch.exact("/abc")))).size());
    assertTrue(DelegateRouteMerge.conflict(StringMatch.present(), StringMatch.exact("x")),
        "istio treats a present match as none of exact/prefix/regex: any child condition conflicts");
  }

  @Test
  void delegationReplacesTheRouteInPlaceDropsMissingChildrenAndHonoursExportTo() {
    HttpRoute catchAll = to("reviews", List.of());
    VirtualService root = new VirtualService(new ObjectMeta("root", "default", 0), List.of("reviews"), List.of(),
        List.of(delegating("child", "team-b", List.of(uri(StringMatch.prefix("/v3/"))), null),
            delegating("missing", null, List.of(), null), catchAll));
    VirtualService child = new VirtualService(new ObjectMeta("child", "team-b", 1), List.of(), List.of(),
        List.of(to("reviews-v3", List.of(uri(StringMatch.prefix("/v3/a")))),
            to("reviews-v3", List.of(uri(StringMatch.prefix("/x"))))), List.of());
    VirtualServiceDelegation d = new VirtualServiceDelegation(List.of(root, child));
    assertEquals(1, d.merged().size(), "the delegate leaves the list");
    List<HttpRoute> http = d.merged().get(0).http();
    assertEquals(2, http.size(), "the /x child route conflicts, the missing child drops its route");
    assertEquals("reviews-v3.team-b.svc.cluster.local", http.get(0).route().get(0).destination().host(),
        "the child's short names resolve in the child's namespace");
    assertEquals(catchAll, http.get(1));
    assertEquals(1, d.warnings().size(), d.warnings().toString());

    VirtualService hidden = new VirtualService(child.meta(), List.of(), List.of(), child.http(), List.of("."));
    VirtualServiceDelegation h = new VirtualServiceDelegation(List.of(root, hidden));
    assertEquals(List.of(catchAll), h.merged().get(0).http(), "exportTo . hides team-b's delegate from default");
    assertTrue(h.warnings().get(0).contains("not exported"), h.warnings().toString());
  }
}

package dev.meshsim.mesh.datapath;

import dev.meshsim.mesh.routing.RequestRewrite;
import dev.meshsim.mesh.routing.Route;
import dev.meshsim.mesh.routing.WeightedCluster;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One sidecar's route rewrites and header operations ({@link RequestRewrite}), applied when the
 * router has picked the route and its cluster, before the request goes upstream: the next hop (a
 * gateway routing it again, the server app passing headers on) sees what this sidecar sent. A
 * request template rewritten by a route for a cluster is made once and kept, so a request costs a
 * lookup; a route without rewrite or header operations costs a null check.
 */
final class RequestRewriter {
  /** Kept templates beyond which the cache starts over (new route configs make new keys). */
  private static final int MAX_KEPT = 10_000;

  private final Map<WeightedCluster, Map<RequestTemplate, RequestTemplate>> sent = new IdentityHashMap<>();
  private int kept;

  /** What {@code route} sends to {@code target} for {@code request}: {@code request} itself if nothing changes. */
  RequestTemplate sent(RequestTemplate request, Route route, WeightedCluster target) {
    if (route.rewrite() == null && target.requestHeaders().isNone()) {
      return request;
    }
    Map<RequestTemplate, RequestTemplate> byRequest = sent.computeIfAbsent(target, t -> new IdentityHashMap<>());
    RequestTemplate out = byRequest.get(request);
    if (out == null) {
      if (kept >= MAX_KEPT) {
        sent.clear();
        kept = 0;
        byRequest = sent.computeIfAbsent(target, t -> new IdentityHashMap<>());
      }
      out = RequestTemplate.of(RequestRewrite.apply(route, target, request.spec(), request.attributes()));
      byRequest.put(request, out);
      kept++;
    }
    return out;
  }
}

package dev.meshsim.mesh.routing;

/**
 * One of a route's {@code request_mirror_policies} (istio {@code route.go} translates {@code
 * mirror}/{@code mirrors}): a share of the requests is also sent, fire and forget, to another
 * cluster. Envoy's router sends the shadow once the downstream request is complete, with the
 * route's timeout, no retries, and {@code -shadow} appended to the authority; its answer is dropped
 * (envoy {@code source/common/router/router.cc}, {@code maybeDoShadowing}).
 *
 * @param clusterName the mirror's cluster
 * @param percent share mirrored, in [0, 100] (Envoy's {@code runtime_fraction} over a million)
 * @param shadowRoute the route a shadow request runs on: the mirror cluster alone, the route's
 *     timeout, no retries, no fault (built once, so a shadow allocates no route)
 */
public record MirrorPolicy(String clusterName, double percent, Route shadowRoute) {}

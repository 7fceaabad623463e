package dev.meshsim.mesh.xds;

import dev.meshsim.istio.HeaderOperations;
import dev.meshsim.istio.HttpRewrite;
import dev.meshsim.mesh.routing.HeaderMutation;
import dev.meshsim.mesh.routing.RequestRewrite;

/**
 * istio {@code route.go}'s translation of a route's {@code rewrite} and {@code headers} into Envoy's
 * route action and header mutations: {@code rewrite.uri} is {@code prefix_rewrite}, {@code
 * uriRegexRewrite} {@code regex_rewrite}, {@code authority} {@code host_rewrite_literal}; {@code
 * headers.request.set} overwrites ({@code OVERWRITE_IF_EXISTS_OR_ADD}), {@code add} appends ({@code
 * APPEND_IF_EXISTS_OR_ADD}), {@code remove} is {@code request_headers_to_remove}. Response header
 * operations have no Envoy counterpart here: nothing in meshsim reads response headers.
 */
public final class RewriteTranslation {
  private RewriteTranslation() {}

  /** The route's rewrite, or null when it changes nothing. */
  public static RequestRewrite of(HttpRewrite rewrite, HeaderOperations request) {
    HeaderMutation headers = headers(request);
    RequestRewrite r = rewrite == null ? new RequestRewrite(null, null, null, null, headers)
        : new RequestRewrite(rewrite.uri(), rewrite.authority(), rewrite.uriRegex(), rewrite.uriRegexRewrite(), headers);
    return r.isNone() ? null : r;
  }

  public static HeaderMutation headers(HeaderOperations ops) {
    return ops.isNone() ? HeaderMutation.NONE : new HeaderMutation(ops.set(), ops.add(), ops.remove());
  }
}

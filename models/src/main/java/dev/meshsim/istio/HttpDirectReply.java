package dev.meshsim.istio;

/**
 * What an http route answers itself instead of forwarding: Istio's {@code HTTPRedirect} or {@code
 * HTTPDirectResponse}. istiod turns them into an Envoy route with a {@code redirect} or a {@code
 * direct_response} action, which the client sidecar's router answers without any upstream.
 *
 * @param code the status: the redirect's code (301 when {@code redirectCode} is absent or 0, as
 *     istio's {@code route.go} maps it to {@code MOVED_PERMANENTLY}) or the direct response's
 *     {@code status}
 * @param redirect true for {@code redirect}, false for {@code directResponse}
 * @param location for a redirect, the parts it sets ({@code scheme://authority:port uri}, each as
 *     given, {@code ""} where absent); empty for a direct response
 * @param bodyBytes the direct response's body length ({@code body.string} or decoded {@code
 *     body.bytes}); meshsim does not model response sizes, so it is read and shown only
 */
public record HttpDirectReply(int code, boolean redirect, String location, long bodyBytes) {}

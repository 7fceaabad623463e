package dev.meshsim.istio;

import java.util.List;
import java.util.Map;

/**
 * One {@code HTTPMatchRequest}: every condition set here must hold (AND). Null means unset.
 *
 * @param name the match's name (may be empty)
 * @param uri path match (without the query string)
 * @param scheme scheme match
 * @param method method match
 * @param authority authority (Host) match
 * @param headers header name (lower case) to match; an empty match tests presence
 * @param withoutHeaders headers that must not match
 * @param queryParams query parameter to match
 * @param port destination port, or null
 * @param ignoreUriCase case-insensitive exact/prefix uri match
 * @param sourceLabels selects the client proxies that get this route (not a runtime match)
 * @param sourceNamespace likewise, by the client's namespace; null means any
 * @param gateways gateways this match applies to; empty means the VirtualService's
 */
public record HttpMatchRequest(
    String name,
    StringMatch uri,
    StringMatch scheme,
    StringMatch method,
    StringMatch authority,
    Map<String, StringMatch> headers,
    Map<String, StringMatch> withoutHeaders,
    Map<String, StringMatch> queryParams,
    Integer port,
    boolean ignoreUriCase,
    Map<String, String> sourceLabels,
    String sourceNamespace,
    List<String> gateways) {

  public HttpMatchRequest {
    headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
    withoutHeaders = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(withoutHeaders));
    queryParams = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(queryParams));
    sourceLabels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sourceLabels));
    gateways = List.copyOf(gateways);
  }
}

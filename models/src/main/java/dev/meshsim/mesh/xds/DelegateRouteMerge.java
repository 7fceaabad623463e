package dev.meshsim.mesh.xds;

import dev.meshsim.istio.HttpMatchRequest;
import dev.meshsim.istio.HttpRoute;
import dev.meshsim.istio.StringMatch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How istiod merges one delegate route into the root route that delegates to it (istio {@code
 * pilot/pkg/model/virtualservice.go}: {@code mergeHTTPRoute}, {@code mergeHTTPMatchRequests},
 * {@code mergeHTTPMatchRequest}, {@code hasConflict}, {@code stringMatchConflict}). Each match of the
 * delegate must narrow at least one of the root's (a root prefix {@code /a} takes a delegate exact
 * {@code /a/b} or prefix {@code /a/b}); the merged route has one match per compatible (root, delegate)
 * pair, the delegate's conditions over the root's. A delegate route with a match that narrows none of
 * the root's is dropped, silently but for istiod's log, as istiod drops it. Unset policies (timeout,
 * retries, fault, mirrors, direct response) come from the root.
 */
final class DelegateRouteMerge {

  private DelegateRouteMerge() {}

  /** The merged route, or null when the delegate's matches conflict with the root's. */
  static HttpRoute merge(HttpRoute root, HttpRoute child) {
    List<HttpMatchRequest> match = mergeMatches(root.match(), child.match());
    if (match == null) {
      return null;
    }
    return new HttpRoute(joinNames(root.name(), child.name()), match, child.route(),
        child.timeoutNanos() != null ? child.timeoutNanos() : root.timeoutNanos(),
        child.retries() != null ? child.retries() : root.retries(),
        child.fault() != null ? child.fault() : root.fault(),
        child.directReply() != null ? child.directReply() : root.directReply(),
        child.mirrors().isEmpty() ? root.mirrors() : child.mirrors(), null,
        child.rewrite() != null ? child.rewrite() : root.rewrite(),
        child.headers().isNone() ? root.headers() : child.headers());
  }

  /** istio {@code mergeHTTPMatchRequests}: null on conflict. */
  static List<HttpMatchRequest> mergeMatches(List<HttpMatchRequest> root, List<HttpMatchRequest> child) {
    if (root.isEmpty()) {
      return child;
    }
    if (child.isEmpty()) {
      return root;
    }
    List<HttpMatchRequest> out = new ArrayList<>();
    for (HttpMatchRequest sub : child) {
      boolean found = false;
      for (HttpMatchRequest r : root) {
        if (!conflict(r, sub)) {
          out.add(mergeMatch(r, sub));
          found = true;
        }
      }
      if (!found) {
        return null;
      }
    }
    return out;
  }

  private static HttpMatchRequest mergeMatch(HttpMatchRequest r, HttpMatchRequest d) {
    return new HttpMatchRequest(joinNames(r.name(), d.name()),
        d.uri() != null ? d.uri() : r.uri(),
        d.scheme() != null ? d.scheme() : r.scheme(),
        d.method() != null ? d.method() : r.method(),
        d.authority() != null ? d.authority() : r.authority(),
        overlay(r.headers(), d.headers()), overlay(r.withoutHeaders(), d.withoutHeaders()),
        overlay(r.queryParams(), d.queryParams()),
        d.port() != null ? d.port() : r.port(),
        d.ignoreUriCase(), // equal to the root's, else the pair conflicts
        overlay(r.sourceLabels(), d.sourceLabels()),
        d.sourceNamespace() != null ? d.sourceNamespace() : r.sourceNamespace(),
        d.gateways().isEmpty() ? r.gateways() : d.gateways());
  }

  static boolean conflict(HttpMatchRequest r, HttpMatchRequest d) {
    if (conflict(r.uri(), d.uri()) || conflict(r.scheme(), d.scheme()) || conflict(r.method(), d.method())
        || conflict(r.authority(), d.authority())
        || conflict(r.headers(), d.headers()) || conflict(r.withoutHeaders(), d.withoutHeaders())
        || conflict(r.queryParams(), d.queryParams())) {
      return true;
    }
    if (r.ignoreUriCase() != d.ignoreUriCase()) {
      return true;
    }
    if (r.port() != null && d.port() != null && !r.port().equals(d.port())) {
      return true;
    }
    if (r.sourceNamespace() != null && !r.sourceNamespace().equals(d.sourceNamespace())) {
      return true;
    }
    for (Map.Entry<String, String> e : d.sourceLabels().entrySet()) {
      String v = r.sourceLabels().get(e.getKey());
      if (v != null && !v.equals(e.getValue())) {
        return true;
      }
    }
    // the root's gateways must be a superset of the delegate's
    return !r.gateways().isEmpty() && !d.gateways().isEmpty() && !new HashSet<>(r.gateways()).containsAll(d.gateways());
  }

  private static boolean conflict(Map<String, StringMatch> root, Map<String, StringMatch> child) {
    for (Map.Entry<String, StringMatch> e : child.entrySet()) {
      if (conflict(root.get(e.getKey()), e.getValue())) {
        return true;
      }
    }
    return false;
  }

  /**
   * istio {@code stringMatchConflict}. Istio tests the exact, prefix and regex values for being
   * non-empty, so an empty one (or a header's "present" match) counts as none of them: a root with
   * such a match conflicts with any delegate condition on the same field.
   */
  static boolean conflict(StringMatch root, StringMatch leaf) {
    if (root == null || leaf == null) {
      return false;
    }
    String rootRegex = value(root, StringMatch.Kind.REGEX);
    String leafRegex = value(leaf, StringMatch.Kind.REGEX);
    String rootExact = value(root, StringMatch.Kind.EXACT);
    String leafExact = value(leaf, StringMatch.Kind.EXACT);
    String rootPrefix = value(root, StringMatch.Kind.PREFIX);
    String leafPrefix = value(leaf, StringMatch.Kind.PREFIX);
    if (!rootRegex.isEmpty() && !(leafRegex.isEmpty() && leafPrefix.isEmpty() && leafExact.isEmpty())) {
      return true;
    }
    if (!leafRegex.isEmpty() && !(rootRegex.isEmpty() && rootPrefix.isEmpty() && rootExact.isEmpty())) {
      return true;
    }
    if (!rootExact.isEmpty()) {
      return !leafPrefix.isEmpty() || !leafExact.equals(rootExact);
    }
    if (!rootPrefix.isEmpty()) {
      if (!leafPrefix.isEmpty()) {
        return !leafPrefix.startsWith(rootPrefix);
      }
      if (!leafExact.isEmpty()) {
        return !leafExact.startsWith(rootPrefix);
      }
    }
    return true;
  }

  private static String value(StringMatch m, StringMatch.Kind kind) {
    return m.kind() == kind ? m.value() : "";
  }

  /** Root's entries, then the delegate's over them (istio {@code maps.MergeCopy}). */
  private static <V> Map<String, V> overlay(Map<String, V> root, Map<String, V> child) {
    Map<String, V> out = new LinkedHashMap<>(root);
    out.putAll(child);
    return out;
  }

  /** istio: the delegate's name, prefixed with the root's and a dash when both are set. */
  private static String joinNames(String root, String child) {
    if (child.isEmpty()) {
      return root;
    }
    return root.isEmpty() ? child : root + "-" + child;
  }
}

package dev.meshsim.istio;

/**
 * An {@code HTTPRoute.delegate}: the VirtualService (one without {@code hosts}) whose http routes
 * istiod merges into the root's in place of this route.
 *
 * @param name the delegate VirtualService's name
 * @param namespace its namespace, or null for the root's own
 */
public record HttpDelegate(String name, String namespace) {

  /** The delegate's namespace, {@code rootNamespace} when unset (istio merges it so). */
  public String namespaceOr(String rootNamespace) {
    return namespace == null ? rootNamespace : namespace;
  }
}

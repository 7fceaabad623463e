package dev.meshsim.istio;

import java.util.List;
import java.util.Map;

/**
 * What one proxy's Sidecar resource lets istiod give it, as {@code pilot/pkg/model/sidecar.go} and
 * {@code push_context.go} ({@code getSidecarScope}, {@code convertToSidecarScope}, {@code
 * selectServices}, {@code SelectVirtualServices}) compute it.
 *
 * <p>Which Sidecar applies to a sidecar proxy: in its own namespace, the oldest whose {@code
 * workloadSelector} selects the pod, else the oldest without a selector; when no
 * Sidecar of its own applies, the oldest selector-less Sidecar of the root namespace ({@code
 * istio-system}); else none, and the proxy sees the whole mesh ({@code DefaultSidecarScopeForNamespace}, egress
 * {@code *}/{@code *}). Gateways always get that default scope.
 *
 * <p>An egress host {@code ns/name} imports services ({@code Service} or ServiceEntry host) of
 * namespace {@code ns} ({@code .} is the Sidecar's own, which for a root-namespace default is the
 * proxy's namespace) whose host name {@code name} covers: {@code *}, {@code *.suffix} or the exact
 * FQDN. A host under {@code *}/… is a fallback, consulted only for namespaces no entry names
 * ({@code selectServices}). VirtualServices are imported by their namespace (or {@code *}) when one of
 * their hosts and an egress host match either way ({@code SelectVirtualServices}); the services an
 * imported VirtualService routes to are added to the clusters (not the virtual hosts), as istiod
 * infers them.
 */
public final class SidecarScope {
  /** The default scope: no Sidecar, everything (Istio's {@code default-sidecar}). */
  public static final SidecarScope DEFAULT = new SidecarScope(null, null);

  private final Sidecar sidecar;
  /** The namespace {@code .} stands for: the proxy's (istio's {@code configNamespace}). */
  private final String configNamespace;

  private SidecarScope(Sidecar sidecar, String configNamespace) {
    this.sidecar = sidecar;
    this.configNamespace = configNamespace;
  }

  /** The scope of a sidecar proxy in {@code namespace} with pod {@code labels}. */
  public static SidecarScope of(List<Sidecar> sidecars, String namespace, Map<String, String> labels) {
    Sidecar chosen = choose(sidecars, namespace, labels);
    return chosen == null ? DEFAULT : new SidecarScope(chosen, namespace);
  }

  /** The Sidecar resource that applies, or null (the default scope, everything). */
  public static Sidecar choose(List<Sidecar> sidecars, String namespace, Map<String, String> labels) {
    Sidecar namespaceDefault = null;
    for (Sidecar s : sidecars) { // creation order: the oldest match wins; selectors before defaults
      if (!s.meta().namespace().equals(namespace)) {
        continue;
      }
      if (!s.isNamespaceDefault() && s.selects(labels)) {
        return s;
      }
      if (s.isNamespaceDefault() && namespaceDefault == null) {
        namespaceDefault = s;
      }
    }
    if (namespaceDefault != null) {
      return namespaceDefault;
    }
    // No Sidecar of its namespace applies: the root namespace's default, if any (meshRootSidecarConfig).
    for (Sidecar s : sidecars) {
      if (s.meta().namespace().equals(DestinationRuleLookup.ROOT_NAMESPACE) && s.isNamespaceDefault()) {
        return s;
      }
    }
    return null;
  }

  /** The Sidecar resource of this scope, or null for the default. */
  public Sidecar sidecar() {
    return sidecar;
  }

  /** Whether this is the default scope (no Sidecar applies): the whole mesh. */
  public boolean isDefault() {
    return sidecar == null;
  }

  /** The outbound policy in force: the Sidecar's {@code outboundTrafficPolicy}, else the mesh's. */
  public OutboundTrafficPolicy outboundPolicy(OutboundTrafficPolicy mesh) {
    return sidecar == null || sidecar.outboundPolicy() == null ? mesh : sidecar.outboundPolicy();
  }

  /** Whether port {@code port} of {@code host}, a service of {@code namespace}, is imported. */
  public boolean imports(String host, String namespace, int port) {
    if (sidecar == null) {
      return true;
    }
    for (Sidecar.EgressListener listener : listeners()) {
      if ((listener.port() == 0 || listener.port() == port) && importedBy(listener, host, namespace)) {
        return true;
      }
    }
    return false;
  }

  /** Whether any port of {@code host} (a service of {@code namespace}) is imported. */
  public boolean importsAnyPort(String host, String namespace) {
    if (sidecar == null) {
      return true;
    }
    for (Sidecar.EgressListener listener : listeners()) {
      if (importedBy(listener, host, namespace)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the VirtualService is imported (its hosts resolved to FQDNs by the caller). */
  public boolean importsVirtualService(String vsNamespace, List<String> resolvedHosts) {
    if (sidecar == null) {
      return true;
    }
    for (Sidecar.EgressListener listener : listeners()) {
      for (String entry : listener.hosts()) {
        String ns = namespaceOf(entry);
        if ((ns.equals(vsNamespace) || ns.equals("*"))
            && resolvedHosts.stream().anyMatch(h -> matchesEitherWay(h, nameOf(entry)))) {
          return true;
        }
      }
    }
    return false;
  }

  private List<Sidecar.EgressListener> listeners() {
    return sidecar.egress().isEmpty() ? List.of(new Sidecar.EgressListener(0, List.of("*/*"))) : sidecar.egress();
  }

  /** {@code selectServices}: entries for the service's namespace, else the {@code *}/… ones. */
  private boolean importedBy(Sidecar.EgressListener listener, String host, String namespace) {
    boolean namespaceNamed = listener.hosts().stream().anyMatch(e -> namespaceOf(e).equals(namespace));
    String wanted = namespaceNamed ? namespace : "*";
    for (String entry : listener.hosts()) {
      if (namespaceOf(entry).equals(wanted) && covers(nameOf(entry), host)) {
        return true;
      }
    }
    return false;
  }

  private String namespaceOf(String entry) {
    String ns = entry.substring(0, entry.indexOf('/'));
    return ns.equals(".") ? configNamespace : ns;
  }

  private static String nameOf(String entry) {
    return entry.substring(entry.indexOf('/') + 1);
  }

  /** istio {@code host.Name.SubsetOf}: {@code pattern} covers {@code host}. */
  static boolean covers(String pattern, String host) {
    if (pattern.equals("*") || pattern.equals(host)) {
      return true;
    }
    if (pattern.startsWith("*.")) {
      String suffix = pattern.substring(1);
      return host.endsWith(suffix) && (!host.startsWith("*") || host.length() >= pattern.length());
    }
    return false;
  }

  /** istio {@code host.Name.Matches}: either covers the other. */
  private static boolean matchesEitherWay(String a, String b) {
    return covers(a, b) || covers(b, a);
  }
}

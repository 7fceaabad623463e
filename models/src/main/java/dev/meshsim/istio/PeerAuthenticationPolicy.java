package dev.meshsim.istio;

import dev.meshsim.istio.PeerAuthentication.Mode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The PeerAuthentication in force for one workload, as istiod composes it (istio {@code
 * pilot/pkg/security/authn/policy_applier.go} {@code ComposePeerAuthentication}, fed by {@code
 * pilot/pkg/model/authentication.go} {@code getConfigsForWorkload}):
 *
 * <ul>
 *   <li>the policies that apply are those of the workload's namespace whose selector is empty or
 *       a subset of the pod's labels, and those of the root namespace;
 *   <li>one per scope is kept, the oldest: mesh (root namespace, no selector), namespace (no
 *       selector), workload (a selector, not in the root namespace; a root-namespace policy with
 *       a selector is ignored);
 *   <li>the mode starts PERMISSIVE and each scope that sets a mode (not UNSET) overrides it,
 *       mesh, then namespace, then workload;
 *   <li>the workload policy's {@code portLevelMtls} gives a mode per port, UNSET inheriting the
 *       workload's mode.
 * </ul>
 *
 * @param mode the workload-wide mode, never UNSET
 * @param perPort modes of the ports the workload policy names, never UNSET
 * @param namespaceMode the mode from the mesh and namespace policies only, which is what istiod's
 *     {@code BestEffortInferServiceMTLSMode} uses to decide whether auto mTLS applies to a service
 */
public record PeerAuthenticationPolicy(Mode mode, Map<Integer, Mode> perPort, Mode namespaceMode) {

  /** What a workload gets when no policy applies. */
  public static final PeerAuthenticationPolicy PERMISSIVE =
      new PeerAuthenticationPolicy(Mode.PERMISSIVE, Map.of(), Mode.PERMISSIVE);

  public PeerAuthenticationPolicy {
    perPort = Collections.unmodifiableMap(new TreeMap<>(perPort));
  }

  /** The mode of the inbound listener for {@code port}. */
  public Mode modeFor(int port) {
    return perPort.getOrDefault(port, mode);
  }

  /** The composed policy for a workload in {@code namespace} with pod labels {@code labels}. */
  public static PeerAuthenticationPolicy resolve(MtlsSettings settings, String namespace, Map<String, String> labels) {
    String root = settings.rootNamespace();
    PeerAuthentication mesh = null;
    PeerAuthentication ns = null;
    PeerAuthentication workload = null;
    for (PeerAuthentication pa : applicable(settings.peerAuthentications(), root, namespace, labels)) {
      if (!pa.hasSelector()) {
        if (pa.meta().namespace().equals(root)) {
          mesh = older(mesh, pa);
        } else {
          ns = older(ns, pa);
        }
      } else if (!pa.meta().namespace().equals(root)) {
        workload = older(workload, pa);
      }
    }
    Mode mode = override(override(Mode.PERMISSIVE, mesh), ns);
    Mode namespaceMode = mode;
    if (workload == null) {
      return new PeerAuthenticationPolicy(mode, Map.of(), namespaceMode);
    }
    mode = override(mode, workload);
    Map<Integer, Mode> perPort = new TreeMap<>();
    for (Map.Entry<Integer, Mode> e : workload.portLevel().entrySet()) {
      perPort.put(e.getKey(), e.getValue() == Mode.UNSET ? mode : e.getValue());
    }
    return new PeerAuthenticationPolicy(mode, perPort, namespaceMode);
  }

  /** The policies istiod hands the composer for this workload: its namespace's and the root's. */
  static List<PeerAuthentication> applicable(List<PeerAuthentication> all, String root, String namespace,
      Map<String, String> labels) {
    return all.stream()
        .filter(pa -> pa.meta().namespace().equals(namespace) || pa.meta().namespace().equals(root))
        .filter(pa -> selects(pa, labels))
        .toList();
  }

  /** Whether {@code pa}'s selector selects a pod with {@code labels} (an empty one selects all). */
  public static boolean selects(PeerAuthentication pa, Map<String, String> labels) {
    return labels.entrySet().containsAll(pa.selector().entrySet());
  }

  private static PeerAuthentication older(PeerAuthentication kept, PeerAuthentication candidate) {
    return kept == null || candidate.meta().order() < kept.meta().order() ? candidate : kept;
  }

  private static Mode override(Mode parent, PeerAuthentication pa) {
    return pa == null || pa.mode() == Mode.UNSET ? parent : pa.mode();
  }
}

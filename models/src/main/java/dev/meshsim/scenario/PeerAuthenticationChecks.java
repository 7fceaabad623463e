package dev.meshsim.scenario;

import dev.meshsim.istio.PeerAuthentication;
import dev.meshsim.istio.PeerAuthenticationPolicy;
import dev.meshsim.yaml.YamlMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Load-time warnings about PeerAuthentications that cannot do what they say: a selector that
 * selects no pod of the scenario (istioctl analyze reports the same for an AuthorizationPolicy as
 * IST0127 NoMatchingWorkloadsFound), and a {@code portLevelMtls} port that none of the selected
 * pods serves (istiod builds no inbound filter chain for it, so the entry has no effect).
 */
final class PeerAuthenticationChecks {

  /** A policy with the spec it was read from, for positions. */
  record PolicyRef(PeerAuthentication policy, YamlMap spec) {}

  private PeerAuthenticationChecks() {}

  static void warn(List<PolicyRef> refs, List<ServiceSpec> services, List<LoadSpec> loads, Warnings warnings) {
    warnSecondSelectorless(refs, warnings);
    for (PolicyRef ref : refs) {
      PeerAuthentication pa = ref.policy();
      if (!pa.hasSelector()) {
        continue;
      }
      Set<Integer> ports = new TreeSet<>();
      boolean selects = false;
      for (ServiceSpec s : services) {
        for (DeploymentSpec d : s.deployments()) {
          if (s.namespace().equals(pa.meta().namespace()) && PeerAuthenticationPolicy.selects(pa, d.labels())) {
            selects = true;
            s.ports().forEach(p -> ports.add(p.port()));
          }
        }
      }
      for (LoadSpec l : loads) {
        selects |= l.namespace().equals(pa.meta().namespace()) && PeerAuthenticationPolicy.selects(pa, l.labels());
      }
      if (!selects) {
        warnings.add(ref.spec().required("selector"), "PeerAuthentication " + pa.meta().namespace() + "/"
            + pa.meta().name() + " selects no pod in namespace " + pa.meta().namespace() + " (labels "
            + pa.selector() + "); it has no effect");
        continue;
      }
      YamlMap levels = ref.spec().has("portLevelMtls") ? ref.spec().required("portLevelMtls").asMap() : null;
      for (String key : levels == null ? Set.<String>of() : levels.keys()) {
        int port = Integer.parseInt(key); // checked when the policy was read
        if (!ports.contains(port)) {
          warnings.add(levels.keyPosition(key), levels.childPath(key),
              "port " + port + " is no port of the pods PeerAuthentication " + pa.meta().namespace() + "/"
                  + pa.meta().name() + " selects (they serve " + ports + "); this entry has no effect");
        }
      }
    }
  }

  /**
   * A second selector-less policy in a namespace: istiod keeps the oldest of a scope, so the other
   * has no effect (Kiali reports it as KIA0002, more than one selector-less object in a namespace).
   */
  private static void warnSecondSelectorless(List<PolicyRef> refs, Warnings warnings) {
    java.util.Map<String, PeerAuthentication> oldest = new java.util.TreeMap<>();
    for (PolicyRef ref : refs) {
      PeerAuthentication pa = ref.policy();
      if (!pa.hasSelector()) {
        oldest.merge(pa.meta().namespace(), pa, (a, b) -> a.meta().order() <= b.meta().order() ? a : b);
      }
    }
    for (PolicyRef ref : refs) {
      PeerAuthentication pa = ref.policy();
      PeerAuthentication kept = oldest.get(pa.meta().namespace());
      if (!pa.hasSelector() && kept != pa) {
        warnings.add(ref.spec(), "PeerAuthentication " + pa.meta().namespace() + "/" + pa.meta().name()
            + " has no selector, like " + kept.meta().namespace() + "/" + kept.meta().name() + ", which is older:"
            + " istiod uses the oldest, so this one has no effect (Kiali: KIA0002)");
      }
    }
  }
}

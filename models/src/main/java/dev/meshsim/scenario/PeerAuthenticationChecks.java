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
}

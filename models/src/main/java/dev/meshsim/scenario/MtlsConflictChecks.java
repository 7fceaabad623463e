package dev.meshsim.scenario;

import dev.meshsim.istio.ClientTls;
import dev.meshsim.istio.DestinationRule;
import dev.meshsim.istio.DestinationRuleLookup;
import dev.meshsim.istio.MtlsSettings;
import dev.meshsim.istio.PeerAuthentication.Mode;
import dev.meshsim.istio.PeerAuthenticationPolicy;
import dev.meshsim.istio.Subset;
import dev.meshsim.istio.TrafficPolicy;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Load-time warnings for a DestinationRule {@code tls} that its host's pods will refuse, in the
 * spirit of istioctl analyze's IST0113 MTLSPolicyConflict (which Istio reported for its alpha
 * authentication policies in meshes without auto mTLS): plaintext (DISABLE, or no {@code tls}
 * with auto mTLS off) to pods whose PeerAuthentication is STRICT ends {@code 503 UC}; ISTIO_MUTUAL
 * to pods without a sidecar, or whose PeerAuthentication is DISABLE, fails the handshake ({@code
 * 503 UF}). Checked for the clients of every namespace that has a load or a service, with the rule
 * istiod would pick for them.
 */
final class MtlsConflictChecks {
  private MtlsConflictChecks() {}

  static void warn(List<RuleVisibilityChecks.RuleRef> rules, List<ServiceSpec> services, List<LoadSpec> loads,
      MtlsSettings mtls, boolean sidecars, Warnings warnings) {
    if (!sidecars) {
      return;
    }
    List<DestinationRule> all = rules.stream().map(RuleVisibilityChecks.RuleRef::rule).toList();
    Set<String> clients = new TreeSet<>();
    services.forEach(s -> clients.add(s.namespace()));
    loads.forEach(l -> clients.add(l.namespace()));
    Set<String> said = new LinkedHashSet<>();
    for (RuleVisibilityChecks.RuleRef ref : rules) {
      DestinationRule r = ref.rule();
      for (ServiceSpec s : services) {
        if (!inForce(all, r, s, clients)) {
          continue;
        }
        for (PortSpec port : s.ports()) {
          check(ref, s, port, null, r.trafficPolicy(), mtls, said, warnings);
          for (Subset subset : r.subsets()) {
            check(ref, s, port, subset, r.trafficPolicy(), mtls, said, warnings);
          }
        }
      }
    }
  }

  /** Whether some client namespace gets {@code r} for {@code s}. */
  private static boolean inForce(List<DestinationRule> all, DestinationRule r, ServiceSpec s, Set<String> clients) {
    return DestinationRuleLookup.matches(DestinationRuleLookup.resolvedHost(r), s.fqdn()) && clients.stream()
        .anyMatch(c -> DestinationRuleLookup.rulesFor(all, s.fqdn(), s.namespace(), c).contains(r));
  }

  private static void check(RuleVisibilityChecks.RuleRef ref, ServiceSpec s, PortSpec port, Subset subset,
      TrafficPolicy top, MtlsSettings mtls, Set<String> said, Warnings warnings) {
    TrafficPolicy p = TrafficPolicy.effective(top, subset == null ? null : subset.trafficPolicy(), port.port());
    ClientTls tls = p == null ? null : p.tls();
    boolean plaintext = tls == null ? !mtls.autoMtls() : tls.mode() == ClientTls.Mode.DISABLE;
    boolean istioMutual = tls != null && tls.mode() == ClientTls.Mode.ISTIO_MUTUAL;
    if (!plaintext && !istioMutual) {
      return;
    }
    Set<String> strict = new TreeSet<>();
    Set<String> plain = new TreeSet<>();
    Set<String> disabled = new TreeSet<>();
    for (DeploymentSpec d : s.deployments()) {
      if (subset != null && !d.labels().entrySet().containsAll(subset.labels().entrySet())) {
        continue;
      }
      Mode mode = PeerAuthenticationPolicy.resolve(mtls, s.namespace(), d.labels()).modeFor(port.port());
      if (plaintext && d.sidecar() && mode == Mode.STRICT) {
        strict.add(d.name());
      } else if (istioMutual && !d.sidecar()) {
        plain.add(d.name());
      } else if (istioMutual && mode == Mode.DISABLE) {
        disabled.add(d.name());
      }
    }
    String what = "specifies that mTLS must be false (" + (tls == null ? "no tls, auto mTLS off" : "tls DISABLE") + ")";
    report(ref, s, port, subset, strict, what + " but PeerAuthentication makes %s STRICT: requests end 503 UC"
        + " (connection termination)", said, warnings);
    report(ref, s, port, subset, plain, "specifies ISTIO_MUTUAL but %s runs without a sidecar: the TLS handshake fails,"
        + " 503 UF", said, warnings);
    report(ref, s, port, subset, disabled, "specifies ISTIO_MUTUAL but PeerAuthentication makes %s DISABLE:"
        + " the TLS handshake fails, 503 UF", said, warnings);
  }

  /** One warning per rule, host and problem, naming the Deployments it hits. */
  private static void report(RuleVisibilityChecks.RuleRef ref, ServiceSpec s, PortSpec port, Subset subset,
      Set<String> deployments, String problem, Set<String> said, Warnings warnings) {
    if (deployments.isEmpty()) {
      return;
    }
    String text = problem.formatted(String.join(", ", deployments));
    String rule = ref.rule().meta().namespace() + "/" + ref.rule().meta().name();
    if (said.add(rule + " " + s.fqdn() + " " + text)) {
      warnings.add(ref.nameNode(), "IST0113 (MTLSPolicyConflict): DestinationRule " + rule + " for " + s.fqdn() + ":"
          + port.port() + (subset == null ? "" : " subset " + subset.name()) + " " + text);
    }
  }
}

package dev.meshsim.scenario;

import dev.meshsim.istio.ClientTls;
import dev.meshsim.istio.DestinationRule;
import dev.meshsim.istio.DestinationRuleLookup;
import dev.meshsim.istio.MtlsSettings;
import dev.meshsim.istio.PeerAuthentication.Mode;
import dev.meshsim.istio.PeerAuthenticationPolicy;
import dev.meshsim.istio.Subset;
import dev.meshsim.istio.TrafficPolicy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * DestinationRule {@code tls} that its host's pods will refuse, in the spirit of istioctl
 * analyze's IST0113 MTLSPolicyConflict (which Istio reported for its alpha authentication policies
 * in meshes without auto mTLS): plaintext (DISABLE, or no {@code tls} with auto mTLS off) to pods
 * whose PeerAuthentication is STRICT ends {@code 503 UC}; ISTIO_MUTUAL to pods without a sidecar,
 * or whose PeerAuthentication is DISABLE, fails the handshake ({@code 503 UF}). Checked for the
 * clients of every namespace that has a load or a service, with the rule istiod picks for them;
 * one conflict per rule, host and problem.
 */
public final class MtlsConflicts {

  /**
   * One conflict.
   *
   * @param rule the DestinationRule
   * @param fqdn the host it is in force for
   * @param port the service port
   * @param subset the subset, or null for the whole service
   * @param problem what will happen, naming the Deployments it hits
   */
  public record Conflict(DestinationRule rule, String fqdn, int port, String subset, String problem) {

    /** The message, as meshsim words it after the IST0113 code. */
    public String message() {
      return "DestinationRule " + rule.meta().namespace() + "/" + rule.meta().name() + " for " + fqdn + ":" + port
          + (subset == null ? "" : " subset " + subset) + " " + problem;
    }
  }

  private MtlsConflicts() {}

  /** The conflicts of {@code scenario}'s rules; none in a mesh without sidecars. */
  public static List<Conflict> find(Scenario scenario) {
    if (!scenario.mesh().sidecarEnabled()) {
      return List.of();
    }
    return find(scenario.istio().destinationRules(), scenario.services(), scenario.loads(), scenario.istio().mtls());
  }

  static List<Conflict> find(List<DestinationRule> rules, List<ServiceSpec> services, List<LoadSpec> loads,
      MtlsSettings mtls) {
    Set<String> clients = new TreeSet<>();
    services.forEach(s -> clients.add(s.namespace()));
    loads.forEach(l -> clients.add(l.namespace()));
    List<Conflict> out = new ArrayList<>();
    Set<String> said = new LinkedHashSet<>();
    for (DestinationRule r : rules) {
      for (ServiceSpec s : services) {
        if (!inForce(rules, r, s, clients)) {
          continue;
        }
        for (PortSpec port : s.ports()) {
          check(r, s, port, null, mtls, said, out);
          for (Subset subset : r.subsets()) {
            check(r, s, port, subset, mtls, said, out);
          }
        }
      }
    }
    return out;
  }

  /** Whether some client namespace gets {@code r} for {@code s}. */
  private static boolean inForce(List<DestinationRule> all, DestinationRule r, ServiceSpec s, Set<String> clients) {
    return DestinationRuleLookup.matches(DestinationRuleLookup.resolvedHost(r), s.fqdn()) && clients.stream()
        .anyMatch(c -> DestinationRuleLookup.rulesFor(all, s.fqdn(), s.namespace(), c).contains(r));
  }

  private static void check(DestinationRule r, ServiceSpec s, PortSpec port, Subset subset, MtlsSettings mtls,
      Set<String> said, List<Conflict> out) {
    TrafficPolicy p = TrafficPolicy.effective(r.trafficPolicy(), subset == null ? null : subset.trafficPolicy(),
        port.port());
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
    add(r, s, port, subset, strict, what + " but PeerAuthentication makes %s STRICT: requests end 503 UC"
        + " (connection termination)", said, out);
    add(r, s, port, subset, plain, "specifies ISTIO_MUTUAL but %s runs without a sidecar: the TLS handshake fails,"
        + " 503 UF", said, out);
    add(r, s, port, subset, disabled, "specifies ISTIO_MUTUAL but PeerAuthentication makes %s DISABLE:"
        + " the TLS handshake fails, 503 UF", said, out);
  }

  private static void add(DestinationRule r, ServiceSpec s, PortSpec port, Subset subset, Set<String> deployments,
      String problem, Set<String> said, List<Conflict> out) {
    if (deployments.isEmpty()) {
      return;
    }
    String text = problem.formatted(String.join(", ", deployments));
    if (said.add(r.meta().namespace() + "/" + r.meta().name() + " " + s.fqdn() + " " + text)) {
      out.add(new Conflict(r, s.fqdn(), port.port(), subset == null ? null : subset.name(), text));
    }
  }
}

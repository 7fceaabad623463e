package dev.meshsim.testkit.analyze;

import dev.meshsim.scenario.MtlsConflicts;
import dev.meshsim.scenario.Scenario;
import dev.meshsim.testkit.analyze.Finding.Level;
import java.util.List;

/**
 * IST0113 MTLSPolicyConflict (istio {@code pkg/config/analysis/analyzers/auth/mtls.go}, an Error,
 * reported in meshes without auto mTLS for the alpha authentication policies): a DestinationRule's
 * {@code tls} that the host's pods refuse, found by {@link MtlsConflicts} against PeerAuthentication
 * and the pods' sidecars. Istio's text names the Policy object; meshsim's says what the pods are.
 */
final class MtlsChecks {
  private MtlsChecks() {}

  static List<Finding> run(Scenario scenario) {
    return MtlsConflicts.find(scenario).stream()
        .map(c -> new Finding(Level.Error, "IST0113", "DestinationRule", c.rule().meta().namespace(),
            c.rule().meta().name(), "A DestinationRule and PeerAuthentication are in conflict with regards to mTLS"
                + " for host " + c.fqdn() + ": " + c.message(),
            c.problem().contains("503 UC") ? "every request to these pods ends 503 UC (connection termination)"
                : "every connect to these pods fails its TLS handshake: 503 UF (retried as a connect failure)"))
        .toList();
  }
}

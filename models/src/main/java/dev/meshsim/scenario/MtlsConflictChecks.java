package dev.meshsim.scenario;

import dev.meshsim.istio.DestinationRule;
import dev.meshsim.istio.MtlsSettings;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** {@link MtlsConflicts} as load-time warnings, at the name of the rule that causes each. */
final class MtlsConflictChecks {
  private MtlsConflictChecks() {}

  static void warn(List<RuleVisibilityChecks.RuleRef> rules, List<ServiceSpec> services, List<LoadSpec> loads,
      MtlsSettings mtls, boolean sidecars, Warnings warnings) {
    if (!sidecars) {
      return;
    }
    Map<DestinationRule, RuleVisibilityChecks.RuleRef> refs = new IdentityHashMap<>();
    rules.forEach(r -> refs.put(r.rule(), r));
    List<DestinationRule> all = rules.stream().map(RuleVisibilityChecks.RuleRef::rule).toList();
    for (MtlsConflicts.Conflict c : MtlsConflicts.find(all, services, loads, mtls)) {
      warnings.add(refs.get(c.rule()).nameNode(), "IST0113 (MTLSPolicyConflict): " + c.message());
    }
  }
}

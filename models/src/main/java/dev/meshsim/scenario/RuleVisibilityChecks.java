package dev.meshsim.scenario;

import dev.meshsim.istio.DestinationRule;
import dev.meshsim.istio.DestinationRuleLookup;
import dev.meshsim.yaml.YamlNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DestinationRules that a calling namespace does not see, warned about at load time because the run
 * only shows their effect (a route to one of their subsets answers 503 NC; their traffic policy is
 * not applied): a rule exported ({@code exportTo}) away from the client's namespace, and a rule in a
 * namespace that is neither the client's, the service's nor the root namespace, which istiod never
 * consults (see {@link DestinationRuleLookup}).
 */
final class RuleVisibilityChecks {

  /** One DestinationRule as applied, and where its name is written. */
  record RuleRef(DestinationRule rule, YamlNode nameNode) {}

  private RuleVisibilityChecks() {}

  static void warn(List<RuleRef> rules, List<ServiceSpec> services, List<LoadSpec> loads, Warnings warnings) {
    Map<String, Set<String>> callers = callersByService(services, loads);
    for (RuleRef ref : rules) {
      DestinationRule r = ref.rule();
      String pattern = DestinationRuleLookup.resolvedHost(r);
      for (ServiceSpec s : services) {
        if (!DestinationRuleLookup.matches(pattern, s.fqdn())) {
          continue;
        }
        for (String client : callers.getOrDefault(s.fqdn(), Set.of())) {
          String why = invisibility(r, s, client);
          if (why != null) {
            warnings.add(ref.nameNode(), "DestinationRule " + r.meta().namespace() + "/" + r.meta().name()
                + " does not apply to calls to " + s.fqdn() + " from namespace " + client + ": " + why
                + "; there its subsets get 503 NC and its traffic policy is not used");
          }
        }
      }
    }
  }

  /** Why {@code r} is not seen from {@code client} for {@code s}, or null if it can be. */
  private static String invisibility(DestinationRule r, ServiceSpec s, String client) {
    String ns = r.meta().namespace();
    if (ns.equals(client)) {
      return null;
    }
    if (!ns.equals(s.namespace()) && !ns.equals(DestinationRuleLookup.ROOT_NAMESPACE)) {
      return "istiod looks for rules in the client's namespace, the service's (" + s.namespace() + ") and "
          + DestinationRuleLookup.ROOT_NAMESPACE + " only, and this one is in " + ns;
    }
    List<String> to = r.exportTo();
    if (to.isEmpty() || to.contains("*") || to.contains(client)) {
      return null;
    }
    return "its exportTo " + to + " does not include " + client;
  }

  /** The namespaces that call each Service (by FQDN): loads, and the apps of other Services. */
  static Map<String, Set<String>> callersByService(List<ServiceSpec> services, List<LoadSpec> loads) {
    Map<String, Set<String>> callers = new LinkedHashMap<>();
    for (LoadSpec load : loads) {
      callers.computeIfAbsent(load.request().host(), k -> new LinkedHashSet<>()).add(load.namespace());
    }
    for (ServiceSpec s : services) {
      for (DeploymentSpec d : s.deployments()) {
        for (CallStep step : d.calls()) {
          for (CallStep.Call call : step.calls()) {
            callers.computeIfAbsent(call.request().host(), k -> new LinkedHashSet<>()).add(s.namespace());
          }
        }
      }
    }
    return callers;
  }
}

package dev.meshsim.testkit.analyze;

import dev.meshsim.istio.DestinationRule;
import dev.meshsim.istio.IstioConfig;
import dev.meshsim.istio.VirtualService;
import dev.meshsim.scenario.Scenario;
import dev.meshsim.scenario.ServiceSpec;
import dev.meshsim.testkit.MeshPolicies;
import dev.meshsim.testkit.model.ModelAdapter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** What the checks share: the scenario, lookups, and the one short simulation behind the impacts. */
final class AnalysisContext {
  private final MeshPolicies mesh;
  private final long impactNanos;
  private final boolean predict;
  private final Map<String, ServiceSpec> services = new LinkedHashMap<>();
  private ImpactRun impact;

  AnalysisContext(MeshPolicies mesh, long impactNanos, boolean predict) {
    this.mesh = mesh;
    this.impactNanos = impactNanos;
    this.predict = predict;
    mesh.scenario().services().forEach(s -> services.put(s.fqdn(), s));
  }

  MeshPolicies mesh() {
    return mesh;
  }

  Scenario scenario() {
    return mesh.scenario();
  }

  IstioConfig istio() {
    return mesh.scenario().istio();
  }

  ServiceSpec service(String fqdn) {
    return services.get(fqdn);
  }

  /** Whether some DestinationRule for {@code fqdn} defines {@code subset} (as Istio's analyzer asks). */
  boolean subsetDefined(String fqdn, String subset) {
    for (DestinationRule dr : istio().destinationRules()) {
      if (ModelAdapter.istioFqdn(dr.host(), dr.meta().namespace()).equals(fqdn)
          && dr.subsets().stream().anyMatch(s -> s.name().equals(subset))) {
        return true;
      }
    }
    return false;
  }

  /** The services a VirtualService's hosts name, as FQDNs. */
  List<String> hostsOf(VirtualService vs) {
    List<String> out = new ArrayList<>();
    for (String h : vs.hosts()) {
      String fqdn = ModelAdapter.istioFqdn(h, vs.meta().namespace());
      if (services.containsKey(fqdn) && !out.contains(fqdn)) {
        out.add(fqdn);
      }
    }
    return out;
  }

  List<String> shortHosts(VirtualService vs) {
    List<String> names = hostsOf(vs).stream().map(f -> shortName(services.get(f))).toList();
    return names.isEmpty() ? vs.hosts() : names;
  }

  /** {@code reviews} in {@code default}, {@code reviews.prod} elsewhere. */
  String shortName(ServiceSpec s) {
    return s.namespace().equals("default") ? s.name() : s.name() + "." + s.namespace();
  }

  /** The short simulation, run on first use. */
  ImpactRun impact() {
    if (impact == null) {
      impact = ImpactRun.staticConfig(mesh, impactNanos);
    }
    return impact;
  }

  long impactNanos() {
    return impactNanos;
  }

  /** The impact, unless predictions are off ({@code --no-impact}). */
  String lazyImpact(Supplier<String> supplier) {
    return predict ? supplier.get() : null;
  }

  boolean predicts() {
    return predict;
  }
}

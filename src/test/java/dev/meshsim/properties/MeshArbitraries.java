package dev.meshsim.properties;

import dev.meshsim.engine.random.Distribution;
import dev.meshsim.istio.Destination;
import dev.meshsim.istio.DestinationRule;
import dev.meshsim.istio.HttpMatchRequest;
import dev.meshsim.istio.HttpRoute;
import dev.meshsim.istio.HttpRouteDestination;
import dev.meshsim.istio.IstioConfig;
import dev.meshsim.istio.L4Route;
import dev.meshsim.istio.ObjectMeta;
import dev.meshsim.istio.StringMatch;
import dev.meshsim.istio.Subset;
import dev.meshsim.istio.VirtualService;
import dev.meshsim.scenario.Arrival;
import dev.meshsim.scenario.CallStep;
import dev.meshsim.scenario.DeploymentSpec;
import dev.meshsim.app.HttpRequestSpec;
import dev.meshsim.scenario.LoadSpec;
import dev.meshsim.scenario.MeshSettings;
import dev.meshsim.scenario.PortSpec;
import dev.meshsim.scenario.Scenario;
import dev.meshsim.scenario.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generated meshes for property tests, built through the public records (the Java API users write
 * their own properties against). Counts come from jqwik so they shrink; the details of each service
 * come from a generated seed.
 */
final class MeshArbitraries {
  private static final long MS = 1_000_000L;

  private MeshArbitraries() {}

  static Arbitrary<Scenario> scenarios() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 4),
            Arbitraries.integers().between(1, 3),
            Arbitraries.of(true, false),
            Arbitraries.longs())
        .as(MeshArbitraries::scenario);
  }

  private static Scenario scenario(int serviceCount, int loadCount, boolean sidecars, long seed) {
    Random r = new Random(seed);
    List<ServiceSpec> services = new ArrayList<>();
    List<VirtualService> vss = new ArrayList<>();
    List<DestinationRule> drs = new ArrayList<>();
    for (int i = 0; i < serviceCount; i++) {
      services.add(service(i, serviceCount, r));
      if (r.nextBoolean()) {
        drs.add(new DestinationRule(meta("s" + i, drs.size() + vss.size()), "s" + i,
            List.of(new Subset("v0", Map.of("version", "v0")), new Subset("v1", Map.of("version", "v1")))));
      }
      if (r.nextBoolean()) {
        vss.add(virtualService(i, drs.size() + vss.size(), r));
      }
    }
    List<LoadSpec> loads = new ArrayList<>();
    for (int l = 0; l < loadCount; l++) {
      loads.add(load(l, serviceCount, r));
    }
    MeshSettings mesh = new MeshSettings(new Distribution.Constant(20_000), sidecars,
        new Distribution.LogNormal(500_000, 0.3), new Distribution.Exponential(200_000));
    return new Scenario("generated", seed, 2_000 * MS, 0, mesh, services,
        new IstioConfig(vss, drs), loads);
  }

  /**
   * The same meshes with every port named {@code tcp}: the VirtualServices' split routes become
   * {@code tcp} routes (no match blocks), their header routes stay http routes, which a TCP port
   * never applies.
   */
  static Arbitrary<Scenario> tcpScenarios() {
    return scenarios().map(MeshArbitraries::asTcp);
  }

  private static Scenario asTcp(Scenario s) {
    List<ServiceSpec> services = s.services().stream().map(svc -> new ServiceSpec(svc.name(), svc.namespace(),
        svc.ports().stream().map(p -> new PortSpec("tcp", p.port())).toList(), svc.deployments())).toList();
    List<VirtualService> vss = s.istio().virtualServices().stream().map(vs -> new VirtualService(vs.meta(),
        vs.hosts(), vs.gateways(), vs.http(), vs.exportTo(), vs.http().stream()
            .filter(r -> r.match().isEmpty()).map(r -> new L4Route(List.of(), r.route())).toList(), List.of()))
        .toList();
    return new Scenario(s.name(), s.seed(), s.durationNanos(), s.warmupNanos(), s.mesh(), services,
        new IstioConfig(vss, s.istio().destinationRules()), s.loads());
  }

  /** Service i calls only services with a larger index, so the call graph has no cycle. */
  private static ServiceSpec service(int i, int count, Random r) {
    List<DeploymentSpec> deployments = new ArrayList<>();
    int versions = 1 + r.nextInt(2);
    for (int v = 0; v < versions; v++) {
      List<CallStep> calls = new ArrayList<>();
      if (i + 1 < count && r.nextBoolean()) {
        CallStep.Call call = new CallStep.Call(request(i + 1 + r.nextInt(count - i - 1), r), r.nextBoolean());
        calls.add(r.nextBoolean() ? call : new CallStep.Parallel(List.of(call, call)));
      }
      deployments.add(new DeploymentSpec("s" + i + "-v" + v, Map.of("app", "s" + i, "version", "v" + v),
          r.nextInt(3), 1 + r.nextInt(3), new Distribution.Exponential((1 + r.nextInt(5)) * MS),
          r.nextInt(3) * 0.1, calls));
    }
    return new ServiceSpec("s" + i, "default", List.of(new PortSpec("http", 8000 + i)), deployments);
  }

  private static VirtualService virtualService(int i, int order, Random r) {
    String host = "s" + i;
    List<HttpRoute> routes = new ArrayList<>();
    if (r.nextBoolean()) {
      HttpMatchRequest byHeader = new HttpMatchRequest("", null, null, null, null,
          Map.of("x-canary", StringMatch.exact("1")), Map.of(), Map.of(), null, false, Map.of(), null, List.of());
      routes.add(new HttpRoute("canary", List.of(byHeader), List.of(dest(host, "v1", 0))));
    }
    if (r.nextInt(4) > 0) { // otherwise unmatched requests end 404 NR
      String[] subsets = {"v0", "v1", "v7", null}; // v7 is never defined: 503 NC
      routes.add(new HttpRoute("split", List.of(), List.of(
          dest(host, subsets[r.nextInt(4)], 1 + r.nextInt(90)),
          dest(host, subsets[r.nextInt(4)], r.nextInt(10)))));
    }
    return new VirtualService(meta(host, order), List.of(host), List.of(), routes);
  }

  private static HttpRouteDestination dest(String host, String subset, int weight) {
    return new HttpRouteDestination(new Destination(host, subset, null), weight);
  }

  private static LoadSpec load(int l, int serviceCount, Random r) {
    Arrival arrival = switch (r.nextInt(3)) {
      case 0 -> new Arrival.Poisson(20 + r.nextInt(200));
      case 1 -> new Arrival.Constant(20 + r.nextInt(200));
      default -> new Arrival.Connections(1 + r.nextInt(4), r.nextBoolean() ? 0 : 50);
    };
    return new LoadSpec("load" + l, "default", Map.of("app", "load" + l),
        request(r.nextInt(serviceCount), r), arrival, r.nextInt(3) == 0 ? 50 : 0, r.nextInt(4) > 0);
  }

  private static HttpRequestSpec request(int target, Random r) {
    String name = "s" + target;
    Map<String, String> headers = r.nextBoolean() ? Map.of("x-canary", "1") : Map.of();
    return new HttpRequestSpec(name + ":" + (8000 + target), name + ".default.svc.cluster.local",
        8000 + target, "GET", "/", headers);
  }

  private static ObjectMeta meta(String name, int order) {
    return new ObjectMeta(name, "default", order);
  }
}

package dev.meshsim.properties;

import dev.meshsim.engine.random.Distribution;
import dev.meshsim.istio.ConnectionPoolSettings;
import dev.meshsim.istio.ConnectionPoolSettings.H2UpgradePolicy;
import dev.meshsim.istio.Destination;
import dev.meshsim.istio.DestinationRule;
import dev.meshsim.istio.HttpFaultInjection;
import dev.meshsim.istio.HttpRetry;
import dev.meshsim.istio.HttpRoute;
import dev.meshsim.istio.HttpRouteDestination;
import dev.meshsim.istio.IstioConfig;
import dev.meshsim.istio.LoadBalancerSettings;
import dev.meshsim.istio.ObjectMeta;
import dev.meshsim.istio.OutlierDetection;
import dev.meshsim.istio.Subset;
import dev.meshsim.istio.TrafficPolicy;
import dev.meshsim.istio.VirtualService;
import dev.meshsim.scenario.Arrival;
import dev.meshsim.scenario.CallStep;
import dev.meshsim.scenario.DeploymentSpec;
import dev.meshsim.app.FailureMode;
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
 * Generated meshes that stress Envoy's upstream path: small random connection pools and circuit
 * breakers (top level and per subset, HTTP/1.1 and HTTP/2), outlier detection, every simple load
 * balancer, random retries, per-try and route timeouts, fault injection, apps that fail in every
 * way the scenario allows, 1 to 3 sidecar workers, open and closed loads heavy enough to overflow.
 *
 * <p>Codes are tags: apps fail with 500 or 503 only, fault aborts answer 418, so 404 is always
 * Envoy's {@code NR}, 504 always {@code UT} and 418 always {@code FI}.
 */
final class UpstreamArbitraries {
  static final long MS = 1_000_000L;
  static final int FAULT_CODE = 418;

  private UpstreamArbitraries() {}

  static Arbitrary<Scenario> scenarios() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 3),
            Arbitraries.integers().between(1, 3),
            Arbitraries.integers().between(1, 3),
            Arbitraries.longs())
        .as(UpstreamArbitraries::scenario);
  }

  private static Scenario scenario(int serviceCount, int loadCount, int concurrency, long seed) {
    Random r = new Random(seed);
    List<ServiceSpec> services = new ArrayList<>();
    List<VirtualService> vss = new ArrayList<>();
    List<DestinationRule> drs = new ArrayList<>();
    for (int i = 0; i < serviceCount; i++) {
      services.add(service(i, serviceCount, r));
      if (r.nextInt(5) > 0) {
        drs.add(new DestinationRule(meta("s" + i, drs.size() + vss.size()), "s" + i, policy(r),
            List.of(new Subset("v0", Map.of("version", "v0"), r.nextBoolean() ? null : policy(r)),
                new Subset("v1", Map.of("version", "v1")))));
      }
      if (r.nextInt(4) > 0) {
        vss.add(virtualService(i, drs.size() + vss.size(), r));
      }
    }
    List<LoadSpec> loads = new ArrayList<>();
    for (int l = 0; l < loadCount; l++) {
      loads.add(load(l, serviceCount, r));
    }
    MeshSettings mesh = new MeshSettings(new Distribution.Constant(20_000), true,
        new Distribution.LogNormal(500_000, 0.3), new Distribution.Exponential(200_000), concurrency);
    return new Scenario("generated-upstream", seed, 1_500 * MS, 0, mesh, services, new IstioConfig(vss, drs), loads);
  }

  /** Service i calls only services with a larger index, so the call graph has no cycle. */
  private static ServiceSpec service(int i, int count, Random r) {
    List<DeploymentSpec> deployments = new ArrayList<>();
    for (int v = 0; v < 2; v++) {
      List<CallStep> calls = new ArrayList<>();
      if (i + 1 < count && r.nextBoolean()) {
        calls.add(new CallStep.Call(request(i + 1 + r.nextInt(count - i - 1), r), r.nextBoolean()));
      }
      deployments.add(new DeploymentSpec("s" + i + "-v" + v, Map.of("app", "s" + i, "version", "v" + v),
          r.nextInt(4), 1 + r.nextInt(3), new Distribution.Exponential((1 + r.nextInt(8)) * MS), failure(r), calls));
    }
    return new ServiceSpec("s" + i, "default", List.of(new PortSpec(r.nextInt(4) == 0 ? "http2" : "http", 8000 + i)),
        deployments);
  }

  private static FailureMode failure(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> new FailureMode(0.1 + 0.4 * r.nextDouble(), r.nextBoolean() ? 500 : 503, false, 0, 1);
      case 1 -> new FailureMode(0, 500, false, 0.1 + 0.3 * r.nextDouble(), 1);
      case 2 -> new FailureMode(0, 500, r.nextInt(3) == 0, 0, 1 + 4 * r.nextDouble());
      default -> FailureMode.NONE;
    };
  }

  /** A traffic policy with small limits, so that overflows, queueing and the leeway all happen. */
  private static TrafficPolicy policy(Random r) {
    ConnectionPoolSettings pool = null;
    if (r.nextInt(5) > 0) {
      var tcp = new ConnectionPoolSettings.Tcp(pick(r, null, 1, 2, 3, 5), null, null,
          r.nextBoolean() ? null : (long) (1 + r.nextInt(50)) * MS);
      boolean upgrade = r.nextInt(4) == 0;
      var http = new ConnectionPoolSettings.Http(pick(r, null, 1, 2, 4), pick(r, null, 1, 2, 5, 20),
          pick(r, null, 1, 2, 3), pick(r, null, 1, 2), null,
          upgrade ? H2UpgradePolicy.UPGRADE : H2UpgradePolicy.DEFAULT, false, pick(r, null, 1, 2, 10));
      pool = new ConnectionPoolSettings(tcp, http);
    }
    OutlierDetection od = r.nextInt(3) > 0 ? null : new OutlierDetection(pick(r, null, 1, 2, 5), pick(r, null, 0, 3),
        null, false, (long) (50 + r.nextInt(500)) * MS, (long) (100 + r.nextInt(500)) * MS,
        pick(r, null, 50, 100), pick(r, null, 0, 50));
    var simple = LoadBalancerSettings.Simple.values()[r.nextInt(LoadBalancerSettings.Simple.values().length)];
    LoadBalancerSettings lb = r.nextBoolean() ? null : new LoadBalancerSettings(simple, null);
    return new TrafficPolicy(lb, pool, od, List.of());
  }

  @SafeVarargs
  private static <T> T pick(Random r, T... choices) {
    return choices[r.nextInt(choices.length)];
  }

  private static VirtualService virtualService(int i, int order, Random r) {
    String host = "s" + i;
    String[] subsets = {"v0", "v1", null};
    List<HttpRouteDestination> destinations = new ArrayList<>();
    destinations.add(dest(host, subsets[r.nextInt(3)], 1 + r.nextInt(90)));
    if (r.nextBoolean()) {
      destinations.add(dest(host, subsets[r.nextInt(3)], r.nextInt(10)));
    }
    Long timeout = r.nextBoolean() ? null : (long) (5 + r.nextInt(60)) * MS;
    HttpFaultInjection fault = r.nextInt(4) > 0 ? null : new HttpFaultInjection(
        r.nextBoolean() ? null : new HttpFaultInjection.Delay((1 + r.nextInt(20)) * MS, 20.0, null),
        r.nextBoolean() ? null : new HttpFaultInjection.Abort(FAULT_CODE, null, 10.0));
    return new VirtualService(meta(host, order), List.of(host), List.of(),
        List.of(new HttpRoute("main", List.of(), destinations, timeout, retries(r), fault)));
  }

  /** Null (Istio's default policy), off, or 1-4 retries on random conditions. */
  private static HttpRetry retries(Random r) {
    int kind = r.nextInt(5);
    if (kind == 0) {
      return null;
    }
    if (kind == 1) {
      return new HttpRetry(0, null, null, null, null, null);
    }
    String[] conditions = {"5xx", "gateway-error", "reset", "connect-failure", "retriable-status-codes,503",
        "5xx,reset", "503", "reset-before-request"};
    Long perTry = r.nextBoolean() ? null : (long) (2 + r.nextInt(20)) * MS;
    return new HttpRetry(1 + r.nextInt(4), perTry, conditions[r.nextInt(conditions.length)], null,
        r.nextInt(4) == 0 ? Boolean.FALSE : null, r.nextBoolean() ? null : (long) (1 + r.nextInt(25)) * MS);
  }

  private static HttpRouteDestination dest(String host, String subset, int weight) {
    return new HttpRouteDestination(new Destination(host, subset, null), weight);
  }

  private static LoadSpec load(int l, int serviceCount, Random r) {
    Arrival arrival = switch (r.nextInt(3)) {
      case 0 -> new Arrival.Poisson(50 + r.nextInt(400));
      case 1 -> new Arrival.Constant(50 + r.nextInt(400));
      default -> new Arrival.Connections(1 + r.nextInt(8), r.nextBoolean() ? 0 : 50);
    };
    return new LoadSpec("load" + l, "default", Map.of("app", "load" + l), request(r.nextInt(serviceCount), r),
        arrival, 0, r.nextInt(5) > 0);
  }

  private static HttpRequestSpec request(int target, Random r) {
    String name = "s" + target;
    return new HttpRequestSpec(name + ":" + (8000 + target), name + ".default.svc.cluster.local", 8000 + target,
        "GET", "/", Map.of());
  }

  private static ObjectMeta meta(String name, int order) {
    return new ObjectMeta(name, "default", order);
  }
}

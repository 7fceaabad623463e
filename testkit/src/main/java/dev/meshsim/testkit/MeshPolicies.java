package dev.meshsim.testkit;

import dev.meshsim.istio.IstioConfig;
import dev.meshsim.istio.VirtualService;
import dev.meshsim.result.RunResult;
import dev.meshsim.scenario.Arrival;
import dev.meshsim.scenario.DeploymentSpec;
import dev.meshsim.app.HttpRequestSpec;
import dev.meshsim.scenario.LoadSpec;
import dev.meshsim.scenario.Scenario;
import dev.meshsim.scenario.ScenarioException;
import dev.meshsim.scenario.ScenarioLoader;
import dev.meshsim.scenario.ServiceSpec;
import dev.meshsim.testkit.model.Answers;
import dev.meshsim.testkit.model.ClientProxy;
import dev.meshsim.testkit.model.ModelAdapter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A scenario's routing policies, for tests: where a request goes ({@link #route}, {@link
 * #destinations}) without simulating anything, and the full simulation when a property needs the
 * dynamics ({@link #simulate}). Static routing uses the route configuration istiod generates for the
 * client's sidecar at time 0, with the simulator's own route builder and matcher, so a decision is
 * what a simulated request with the same attributes gets.
 *
 * <pre>{@code
 * MeshPolicies mesh = MeshPolicies.load(Path.of("scenarios/reviews-canary.yaml"));
 * RouteDecision d = mesh.route(Request.get("reviews:9080", "/reviews/1").header("end-user", "jason"));
 * RunResult r = mesh.simulate(s -> s.withDuration("10s").withSeed(3));
 * }</pre>
 */
public final class MeshPolicies {
  /** The adapter answers in the kit's public records, made by their own constructors. */
  private static final Answers<RouteDecision, WeightedDestination, RouteRule> KIT_RECORDS = new Answers<>() {
    @Override
    public RouteDecision decision(String cluster, String routeName, String virtualHost, double share, int code,
        String flag, RouteRule rule) {
      return new RouteDecision(cluster, routeName, virtualHost, share, code, flag, rule);
    }

    @Override
    public WeightedDestination share(String cluster, int weight, double share, String subset, boolean known) {
      return new WeightedDestination(cluster, weight, share, subset, known);
    }

    @Override
    public RouteRule rule(String namespace, String virtualService, int index, String name) {
      return new RouteRule(namespace, virtualService, index, name);
    }
  };

  private final Scenario scenario;
  private final List<String> loadWarnings;
  private final ModelAdapter<RouteDecision, WeightedDestination, RouteRule> model;
  private final Map<String, Workload> workloads;
  /** Each client's sidecar config, by workload instance (workloads are canonical: from {@link #workload}). */
  private final Map<Workload, ClientProxy> clients = new java.util.IdentityHashMap<>();
  private final Map<String, ServiceSpec> servicesByFqdn = new LinkedHashMap<>();

  private MeshPolicies(Scenario scenario, List<String> loadWarnings) {
    this.scenario = scenario;
    this.loadWarnings = List.copyOf(loadWarnings);
    this.model = new ModelAdapter<>(scenario, KIT_RECORDS);
    this.workloads = workloads(scenario);
    scenario.services().forEach(s -> servicesByFqdn.put(s.fqdn(), s));
  }

  /** Loads a scenario file; a bad file is a {@link PolicyException} with file, line and column. */
  public static MeshPolicies load(Path scenarioFile) {
    try {
      var loaded = ScenarioLoader.load(scenarioFile);
      return new MeshPolicies(loaded.scenario(), loaded.warnings());
    } catch (ScenarioException e) {
      throw new PolicyException(e.getMessage(), e);
    }
  }

  /** The policies of an already loaded scenario. */
  public static MeshPolicies of(Scenario scenario) {
    return new MeshPolicies(scenario, List.of());
  }

  /** The same services, pods and loads under other Istio resources (for diffs). */
  public MeshPolicies withIstio(IstioConfig istio) {
    Scenario s = scenario;
    return of(new Scenario(s.name(), s.seed(), s.durationNanos(), s.warmupNanos(), s.mesh(), s.services(), istio,
        s.loads(), s.istioVersion(), s.timeline()));
  }

  public Scenario scenario() {
    return scenario;
  }

  /** The loader's and istiod's warnings about the config. */
  public List<String> warnings() {
    List<String> all = new ArrayList<>(loadWarnings);
    all.addAll(model.warnings());
    return all;
  }

  /** Where the client's sidecar sends {@code request}; see {@link RouteDecision}. */
  public RouteDecision route(Request request) {
    Target t = resolve(request);
    return model.route(proxy(t.client), t.fqdn, t.port, t.spec, request.randomValue());
  }

  /** Every cluster the matched route splits over, with weights; empty when no route matches. */
  public List<WeightedDestination> destinations(Request request) {
    Target t = resolve(request);
    return model.destinations(proxy(t.client), t.fqdn, t.port, t.spec);
  }

  private ClientProxy proxy(Workload client) {
    ClientProxy p = clients.get(client);
    if (p == null) {
      p = model.client(client.namespace(), client.labels());
      clients.put(client, p);
    }
    return p;
  }

  /** Runs the scenario as changed by {@code settings} through the full simulation. */
  public RunResult simulate(UnaryOperator<SimulationSettings> settings) {
    return ModelAdapter.simulate(settings.apply(SimulationSettings.NONE).applyTo(scenario));
  }

  /** Runs the scenario as written. */
  public RunResult simulate() {
    return simulate(s -> s);
  }

  /**
   * A load generator that sends {@code request} from a pod with its client's namespace and labels
   * (with a sidecar), {@code perSecond} times a second at even gaps, at most {@code maxRequests} in
   * all: the simulated counterpart of {@link #route}. The host must be a service of the scenario.
   */
  public LoadSpec probeLoad(Request request, String name, double perSecond, long maxRequests) {
    Target t = resolve(request);
    if (!servicesByFqdn.containsKey(t.fqdn)) {
      throw new IllegalArgumentException("cannot simulate a request to " + request.host() + ": not a service of "
          + scenario.name());
    }
    return new LoadSpec(name, t.client.namespace(), t.client.labels(), t.spec, new Arrival.Constant(perSecond),
        maxRequests, true);
  }

  /** The client workloads: every Deployment and every load generator, in scenario order. */
  public List<Workload> workloads() {
    return workloads.values().stream().distinct().toList();
  }

  /** The workload named {@code name} (or {@code namespace/name}); null names {@link Workload#ANONYMOUS}. */
  public Workload workload(String name) {
    if (name == null) {
      return Workload.ANONYMOUS;
    }
    Workload w = workloads.get(name);
    if (w == null) {
      throw new IllegalArgumentException("no workload " + name + " in scenario " + scenario.name()
          + "; workloads: " + String.join(", ", workloads().stream().map(Workload::name).toList()));
    }
    return w;
  }

  /** Every {@code http[]} entry of every VirtualService that applies to sidecars: the coverage units. */
  public List<RouteRule> rules() {
    List<RouteRule> rules = new ArrayList<>();
    for (VirtualService vs : scenario.istio().virtualServices()) {
      if (!vs.gateways().isEmpty() && !vs.gateways().contains("mesh")) {
        continue;
      }
      for (int i = 0; i < vs.http().size(); i++) {
        rules.add(new RouteRule(vs.meta().namespace(), vs.meta().name(), i, vs.http().get(i).name()));
      }
    }
    return rules;
  }

  /** The service a request reaches, or null for a host outside the mesh. */
  public ServiceSpec service(Request request) {
    return servicesByFqdn.get(KubernetesDns.fqdn(request.host(), workload(request.source()).namespace()));
  }

  private record Target(Workload client, String fqdn, int port, HttpRequestSpec spec) {}

  private Target resolve(Request request) {
    Workload client = workload(request.source());
    String fqdn = KubernetesDns.fqdn(request.host(), client.namespace());
    ServiceSpec service = servicesByFqdn.get(fqdn);
    int port = request.port();
    if (port < 0) {
      // As meshsim's loads do: a target without a port means the service's only port (else HTTP's 80).
      port = service != null && service.ports().size() == 1 ? service.ports().get(0).port() : 80;
    }
    var spec = new HttpRequestSpec(request.authority(), fqdn, port, request.method(), request.path(), request.headers());
    return new Target(client, fqdn, port, spec);
  }

  private static Map<String, Workload> workloads(Scenario scenario) {
    Map<String, Workload> byName = new LinkedHashMap<>();
    for (ServiceSpec service : scenario.services()) {
      for (DeploymentSpec d : service.deployments()) {
        add(byName, new Workload(d.name(), service.namespace(), d.labels()));
      }
    }
    for (LoadSpec load : scenario.loads()) {
      add(byName, new Workload(load.name(), load.namespace(), load.labels()));
    }
    return byName;
  }

  private static void add(Map<String, Workload> byName, Workload w) {
    byName.putIfAbsent(w.name(), w);
    byName.putIfAbsent(w.namespace() + "/" + w.name(), w);
  }
}

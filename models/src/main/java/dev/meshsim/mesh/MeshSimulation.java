package dev.meshsim.mesh;

import dev.meshsim.mesh.datapath.DataPathMetrics;
import dev.meshsim.mesh.datapath.TimelineStats;
import dev.meshsim.mesh.app.LoadGenerator;
import dev.meshsim.mesh.xds.XdsClient;
import dev.meshsim.mesh.xds.XdsType;
import dev.meshsim.result.RunResult;
import dev.meshsim.result.TimelineResult;
import dev.meshsim.result.TrafficStats;
import dev.meshsim.scenario.Arrival;
import dev.meshsim.scenario.Durations;
import dev.meshsim.scenario.Scenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a scenario: load is offered for {@code duration}, then requests still in flight are given up
 * to another {@code duration} of simulated time to finish (fortio, too, waits for its last answers);
 * any left after that are reported as unfinished.
 *
 * <pre>{@code
 * RunResult result = MeshSimulation.run(ScenarioLoader.load(Path.of("scenarios/reviews-canary.yaml")));
 * }</pre>
 */
public final class MeshSimulation {
  private static final long DRAIN_STEP_NANOS = 1_000_000_000L;

  private final Scenario scenario;
  private final Mesh mesh;

  public MeshSimulation(Scenario scenario) {
    this.scenario = scenario;
    this.mesh = new Mesh(scenario, scenario.timeline());
  }

  /** Builds and runs {@code scenario}. */
  public static RunResult run(Scenario scenario) {
    return new MeshSimulation(scenario).run();
  }

  /** What the run found odd in the config (e.g. VirtualServices dropped as duplicates). */
  public List<String> warnings() {
    return mesh.warnings();
  }

  public RunResult run() {
    mesh.start();
    var sim = mesh.sim();
    // In steps, to look at the backlog between them; the engine fires the same events in the same
    // order whether it runs to the end at once or in steps (runUntil only bounds the poll).
    long t = 0;
    do {
      t = Math.min(t + CHECK_STEP_NANOS, scenario.durationNanos());
      sim.runUntil(t);
      checkBacklog(t);
    } while (t < scenario.durationNanos());
    long drainLimit = 2 * scenario.durationNanos();
    while (inFlight() > 0 && sim.pendingEvents() > 0 && sim.now() < drainLimit) {
      sim.runUntil(Math.min(sim.now() + DRAIN_STEP_NANOS, drainLimit));
    }
    return result();
  }

  /**
   * The most requests of the load generators in flight at once. An in-flight request holds a few
   * pending events and the engine holds at most 2^23 (8,388,608); at about 430 bytes a request
   * (measured: 14,952,050 unfinished requests in 6.4 GB) 2^21 is under 1 GB of heap. A mesh that
   * serves its load keeps far fewer: rate × latency, e.g. 100,000 for 1,000,000/s at 100 ms.
   */
  public static final long MAX_IN_FLIGHT = 1L << 21;
  /** How often, in simulated time, the backlog is looked at: a load adds at most 100,000 requests in between. */
  private static final long CHECK_STEP_NANOS = 100_000_000L;

  private void checkBacklog(long nowNanos) {
    long n = inFlight();
    if (n <= MAX_IN_FLIGHT) {
      return;
    }
    StringBuilder loads = new StringBuilder();
    for (var load : scenario.loads()) {
      loads.append(loads.length() == 0 ? "" : ", ").append(load.name()).append(' ')
          .append(describe(load.arrival()));
    }
    throw new OverloadException("the run stopped at " + Durations.format(nowNanos)
        + " of simulated time: " + n + " requests were in flight, over meshsim's limit of " + MAX_IN_FLIGHT
        + " (2^21); the load (" + loads + ") is more than the mesh serves, and the backlog would exhaust"
        + " memory. Lower the rate, or add replicas or workers");
  }

  private static String describe(Arrival a) {
    if (a instanceof Arrival.Connections c) {
      return c.connections() + " connections";
    }
    double qps = a.requestedQps();
    return (qps == Math.rint(qps) ? String.valueOf((long) qps) : String.valueOf(qps)) + "/s";
  }

  /** Events the engine fired so far (for speed figures). */
  public long eventsFired() {
    return mesh.sim().eventsFired();
  }

  /** Requests the load generators sent so far, counted or not (for invariant checks). */
  public long requestsSent() {
    long n = 0;
    for (LoadGenerator load : mesh.loads()) {
      n += load.sent();
    }
    return n;
  }

  /** Requests that ended so far, counted or not. */
  public long requestsEnded() {
    return requestsSent() - inFlight();
  }

  /**
   * A test probe: per client sidecar and cluster it used, the most connections, pending requests,
   * active requests and outstanding retries its circuit breaker ever counted at once.
   */
  public List<UpstreamPeaks> upstreamPeaks() {
    List<UpstreamPeaks> peaks = new java.util.ArrayList<>();
    for (DataPathMetrics.ClusterState c : mesh.metrics().clusters()) {
      var b = c.cluster().breaker();
      peaks.add(new UpstreamPeaks(c.sidecar(), c.cluster().name(), c.workers(), c.cluster().hosts().size(),
          b.limits(), b.peakConnections(), b.peakPendingRequests(), b.peakRequests(), b.peakRetries()));
    }
    return peaks;
  }

  /**
   * A test probe: for each route retry limit ({@code num_retries}) under which some request retried,
   * the most retries one such request made, over all sidecars.
   */
  public java.util.SortedMap<Integer, Integer> maxRetriesByLimit() {
    return mesh.metrics().maxRetriesByLimit();
  }

  private long inFlight() {
    long n = 0;
    for (LoadGenerator load : mesh.loads()) {
      n += load.inFlight();
    }
    return n;
  }

  private RunResult result() {
    Map<String, TrafficStats> loads = new LinkedHashMap<>();
    mesh.loads().forEach(l -> loads.put(l.name(), l.traffic()));
    return new RunResult(
        scenario.name(),
        scenario.seed(),
        scenario.durationNanos(),
        scenario.warmupNanos(),
        mesh.stats().total(),
        loads,
        inFlight(),
        mesh.sim().now(),
        mesh.stats().clusters(),
        timelineResult(),
        mesh.stats().traces());
  }

  private TimelineResult timelineResult() {
    TimelineStats ts = mesh.timelineStats();
    List<TimelineResult.Action> actions = new java.util.ArrayList<>();
    mesh.timeline().events().forEach(e -> actions.add(new TimelineResult.Action(e.atNanos(), e.describe())));
    return new TimelineResult(mesh.timeline().bucketNanos(), actions, ts.series(), ts.phases(),
        ts.failureWindows(), mesh.istiod().convergence().results(), mesh.istiod().pushes(),
        mesh.workloads().events());
  }

  /**
   * {@code listener} hears every counted load-generator request as it ends, in simulated-time order
   * (what the HTML report's time series, the access log and the Prometheus metrics are built from).
   * Call before {@link #run()}.
   */
  public void observeRequests(dev.meshsim.result.RequestListener listener) {
    mesh.stats().listen(listener);
  }

  /**
   * {@code listener} gets every sidecar's access-log entries (client sidecars' outbound, server
   * sidecars' inbound) of requests started from the warmup on, as each ends. Without it no entry
   * is ever built. Call before {@link #run()}.
   */
  public void observeAccessLog(dev.meshsim.result.ProxyLogListener listener) {
    mesh.logAccess(listener);
  }

  /**
   * Calls {@code inspector} at simulated time {@code atNanos} (call before {@link #run()}), between
   * two events, ahead of the events the run schedules for that instant (ties are served FIFO). It
   * reads the mesh through a {@link MeshView} and changes nothing, so the run's results are the
   * same with or without it.
   *
   * @throws IllegalArgumentException if {@code atNanos} is outside {@code [0, duration]}
   */
  public void inspectAt(long atNanos, java.util.function.Consumer<MeshView> inspector) {
    if (atNanos < 0 || atNanos > scenario.durationNanos()) {
      throw new IllegalArgumentException("instant outside the run [0, duration]");
    }
    MeshView view = new LiveMeshView(scenario, mesh);
    mesh.stats().keepPerProxyCounters(); // Envoy's admin counts per proxy; nothing is kept unless inspected
    mesh.sim().scheduleAt(atNanos, () -> inspector.accept(view));
  }

  /** A test probe: called for every xDS update any sidecar applies, with the pod's name. */
  public void observeXds(XdsObserver observer) {
    mesh.observeXds(observer);
  }

  /** Receives every xDS update a sidecar applies. */
  @FunctionalInterface
  public interface XdsObserver {
    void applied(String pod, XdsType type, long version, XdsClient client);
  }
}

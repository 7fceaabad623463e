package dev.meshsim.mesh.xds;

import dev.meshsim.engine.Simulation;
import dev.meshsim.engine.random.Distribution;
import dev.meshsim.engine.random.Distribution.Sampler;
import dev.meshsim.engine.random.RandomStreams;
import dev.meshsim.istio.IstioConfig;
import dev.meshsim.mesh.IstioProfile;
import dev.meshsim.mesh.ServiceRegistry;
import dev.meshsim.result.PushRecord;
import dev.meshsim.timeline.ControlPlaneSettings;
import dev.meshsim.timeline.ControlPlaneSettings.Delivery;
import dev.meshsim.timeline.TimelineEvent.IstioObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * istiod's discovery server, as {@code pilot/pkg/xds/discovery.go} runs it:
 *
 * <ul>
 *   <li>Config and endpoint events are <em>debounced</em> ({@code debounce}): the first event of a
 *       batch arms a timer of {@code debounceAfter}; when it fires, the batch is pushed if the last
 *       event is at least {@code debounceAfter} old or the first at least {@code debounceMax} old,
 *       else the timer is re-armed for the rest of the quiet period. Endpoint-only events bypass
 *       the debounce when {@code PILOT_ENABLE_EDS_DEBOUNCE} is false.
 *   <li><em>One push at a time</em> (the {@code free} flag): a full push first builds its push
 *       context ({@code initPushContext}), which costs time growing with the config; events
 *       arriving meanwhile wait for the next push. An endpoints-only push reuses the context.
 *   <li>Every connected proxy is then queued ({@code PushQueue}: a proxy already queued or being
 *       pushed has the new request merged into its pending one), and at most {@code pushThrottle}
 *       proxies are pushed at once ({@code doSendPushes}'s semaphore). Pushing one proxy costs time
 *       growing with the size of its config; the config is generated from the newest push context.
 *   <li>The proxy then receives it after a delivery delay: over ADS all four types in istiod's
 *       {@code PushOrder} (CDS, EDS, LDS, RDS) at once, or over independent streams each type after
 *       its own delay. Each stream is FIFO, so a proxy never applies an older version after a newer.
 * </ul>
 *
 * <p>A starting proxy's first request is answered at once (not through the push queue), from the
 * newest context. A cluster that starts warming on a proxy whose EDS did not cover it makes the
 * proxy ask for its endpoints, which istiod answers at once.
 */
public final class Istiod {
  private final Simulation sim;
  private final RandomStreams streams;
  private final ControlPlaneSettings settings;
  private final ServiceRegistry registry;
  private final IstioProfile profile;
  private final ConfigStore store;
  private final PushContext.ClusterInterner interner = new PushContext.ClusterInterner();
  private final ConvergenceTracker convergence;
  private final List<Connection> connections = new ArrayList<>();
  private final List<PushRecord> pushes = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private PushContext current;
  private long lastVersion;
  private Observer observer;

  /** Sees every update any proxy applies (a test probe). */
  @FunctionalInterface
  public interface Observer {
    void applied(String pod, XdsType type, long version, XdsClient client);
  }

  public void observe(Observer o) {
    this.observer = o;
  }

  // debounce state (discovery.go debounce)
  private Request pending;
  private int debouncedEvents;
  private long startDebounce;
  private long lastEvent;
  private boolean free = true;

  // push queue and throttle
  private final ArrayDeque<Connection> queue = new ArrayDeque<>();
  private int active;

  /** A push request: full or endpoints-only, and the changes it carries. */
  private static final class Request {
    boolean full;
    int events;
    final List<ConvergenceTracker.Change> changes = new ArrayList<>();

    void merge(boolean isFull, ConvergenceTracker.Change change) {
      full |= isFull;
      events++;
      if (change != null && !changes.contains(change)) {
        changes.add(change);
      }
    }
  }

  public Istiod(Simulation sim, RandomStreams streams, ControlPlaneSettings settings, ServiceRegistry registry,
      IstioConfig initial, IstioProfile profile) {
    this.sim = sim;
    this.streams = streams;
    this.settings = settings;
    this.registry = registry;
    this.profile = profile;
    this.store = new ConfigStore(initial);
    this.convergence = new ConvergenceTracker(sim);
    this.current = PushContext.full(0, store.snapshot(), registry.snapshot(), profile, interner);
    warnings.addAll(current.warnings());
  }

  /** Warnings about the initial config. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** The config of version 0, for proxies that run from time 0. */
  public ProxyConfig initialConfig(ProxyIdentity proxy) {
    return current.configFor(proxy);
  }

  /** Changes measured so far. */
  public ConvergenceTracker convergence() {
    return convergence;
  }

  /** Pushes so far, in order. */
  public List<PushRecord> pushes() {
    return List.copyOf(pushes);
  }

  /** The newest config version. */
  public long version() {
    return current.version();
  }

  /** Distinct proxy configs the newest push context generated (for memory figures). */
  public int generatedConfigs() {
    return current.generatedConfigs();
  }

  /** Registers a proxy's xDS stream. {@code configured} proxies already hold version 0. */
  public Connection connect(String podName, ProxyIdentity identity, XdsClient client, boolean configured) {
    Connection c = new Connection(connections.size(), podName, identity, client);
    connections.add(c);
    client.setListener((xds, type, version) -> {
      if (observer != null) {
        observer.applied(podName, type, version, xds);
      }
      convergence.applied(c);
      if (c.onReady != null && xds.ready()) {
        Runnable r = c.onReady;
        c.onReady = null;
        r.run();
      }
    });
    if (!configured) {
      c.inProgress = true;
      sim.schedule(proxyCost(c, true), () -> finishProxyPush(c, true, true));
    }
    return c;
  }

  /** The proxy's stream closed (its Envoy exited). */
  public void disconnect(Connection c) {
    if (!c.alive) {
      return;
    }
    c.alive = false;
    queue.remove(c);
    c.client.stop();
    convergence.disconnected(c);
  }

  /** A new measured change; {@code inputs} events of it will reach istiod. */
  public ConvergenceTracker.Change openChange(String label, boolean full, int inputs) {
    List<Connection> ready = new ArrayList<>();
    for (Connection c : connections) {
      if (c.alive && c.client.ready()) {
        ready.add(c);
      }
    }
    return convergence.open(label, sim.now(), full, inputs, ready);
  }

  /** Forgets a change that will never reach istiod. */
  public void cancelChange(ConvergenceTracker.Change change) {
    convergence.cancel(change);
  }

  /** Runs {@code action} once, when the proxy behind {@code c} is first ready. */
  public void onReady(Connection c, Runnable action) {
    if (c.client.ready()) {
      action.run();
    } else {
      c.onReady = action;
    }
  }

  /** An Istio object created or updated reached istiod's informer. */
  public void apply(IstioObject object, ConvergenceTracker.Change change) {
    store.apply(object);
    event(true, change);
  }

  /** A deletion reached istiod's informer; false if there was no such object. */
  public boolean delete(String kind, String namespace, String name, ConvergenceTracker.Change change) {
    boolean existed = store.delete(kind, namespace, name);
    event(true, change);
    return existed;
  }

  /** An EndpointSlice changed (istiod's endpoint controller calls {@code EDSUpdate}). */
  public void endpointsChanged(ConvergenceTracker.Change change) {
    event(false, change);
  }

  // --- debounce (discovery.go) ---

  private void event(boolean full, ConvergenceTracker.Change change) {
    if (change != null) {
      change.inputArrived();
    }
    if (!settings.edsDebounce() && !full) {
      Request r = new Request();
      r.merge(false, change);
      push(r, false); // "trigger push now, just for EDS"
      return;
    }
    lastEvent = sim.now();
    if (debouncedEvents == 0) {
      sim.schedule(settings.debounceAfterNanos(), this::onDebounceTimer);
      startDebounce = lastEvent;
    }
    debouncedEvents++;
    if (pending == null) {
      pending = new Request();
    }
    pending.merge(full, change);
  }

  private void onDebounceTimer() {
    if (free) {
      pushWorker();
    }
  }

  private void pushWorker() {
    long eventDelay = sim.now() - startDebounce;
    long quietTime = sim.now() - lastEvent;
    if (eventDelay >= settings.debounceMaxNanos() || quietTime >= settings.debounceAfterNanos()) {
      if (pending != null) {
        Request r = pending;
        pending = null;
        debouncedEvents = 0;
        free = false;
        push(r, true);
      }
    } else {
      sim.schedule(settings.debounceAfterNanos() - quietTime, this::onDebounceTimer);
    }
  }

  /** {@code DiscoveryServer.Push}: a full push builds a new context first; EDS reuses the current. */
  private void push(Request r, boolean debounced) {
    long version = ++lastVersion;
    long dispatched = sim.now();
    r.changes.forEach(ch -> ch.includedIn(version));
    if (r.full) {
      IstioConfig snapshot = store.snapshot();
      ServiceRegistry endpoints = registry.snapshot();
      PushContext next = PushContext.full(version, snapshot, endpoints, profile, interner);
      long cost = settings.contextCost().nanos(next.contextResources());
      sim.schedule(cost, () -> {
        current = next;
        startPush(r, version, dispatched, debounced);
      });
    } else {
      current = current.withEndpoints(version, registry.snapshot());
      startPush(r, version, dispatched, debounced);
    }
  }

  private void startPush(Request r, long version, long dispatched, boolean debounced) {
    pushes.add(new PushRecord(version, r.full, r.events, dispatched, sim.now(), -1));
    for (Connection c : connections) {
      if (c.alive) {
        enqueue(c, r.full);
      }
    }
    pump();
    if (debounced) {
      free = true;
      pushWorker(); // freeCh: the next batch may be due already
    }
  }

  // --- push queue (pushqueue.go) and throttle (doSendPushes) ---

  private void enqueue(Connection c, boolean full) {
    if (c.inProgress) {
      c.pendingAfter = true;
      c.pendingFull |= full;
    } else if (c.queued) {
      c.queuedFull |= full;
    } else {
      c.queued = true;
      c.queuedFull = full;
      queue.addLast(c);
    }
  }

  private void pump() {
    while (active < settings.pushThrottle() && !queue.isEmpty()) {
      Connection c = queue.pollFirst();
      c.queued = false;
      c.inProgress = true;
      boolean full = c.queuedFull;
      active++;
      sim.schedule(proxyCost(c, full), () -> finishProxyPush(c, full, false));
    }
    if (active == 0 && queue.isEmpty()) {
      markPushesDone();
    }
  }

  private long proxyCost(Connection c, boolean full) {
    return settings.proxyCost().nanos(current.proxyResources(c.identity, full));
  }

  /** The proxy's config is generated (from the newest context) and sent. */
  private void finishProxyPush(Connection c, boolean full, boolean initial) {
    if (!initial) {
      active--;
    }
    c.inProgress = false;
    if (c.alive) {
      send(c, full);
      if (c.pendingAfter) {
        c.pendingAfter = false;
        boolean pendingFull = c.pendingFull;
        c.pendingFull = false;
        enqueue(c, pendingFull);
      }
    }
    pump();
  }

  private void markPushesDone() {
    for (int i = 0; i < pushes.size(); i++) {
      PushRecord p = pushes.get(i);
      if (p.doneNanos() < 0) {
        pushes.set(i, new PushRecord(p.version(), p.full(), p.events(), p.dispatchedNanos(), p.readyNanos(),
            sim.now()));
      }
    }
  }

  // --- delivery ---

  private void send(Connection c, boolean full) {
    long version = current.version();
    ProxyConfig config = current.configFor(c.identity);
    if (settings.delivery() == Delivery.ADS) {
      long at = c.arrival(XdsType.CDS, sim.now() + c.delay(XdsType.CDS));
      for (XdsType t : XdsType.values()) {
        c.lastArrival[t.ordinal()] = at;
      }
      sim.scheduleAt(at, () -> {
        if (!c.alive) {
          return;
        }
        if (full) {
          c.client.applyCds(version, config);
          c.client.applyEds(version, config);
          c.client.applyLds(version);
          c.client.applyRds(version, config);
        } else {
          c.client.applyEds(version, config);
        }
        requestWarmingEndpoints(c);
      });
      return;
    }
    for (XdsType t : XdsType.values()) {
      if (!full && t != XdsType.EDS) {
        continue;
      }
      long at = c.arrival(t, sim.now() + c.delay(t));
      sim.scheduleAt(at, () -> deliver(c, t, version, config));
    }
  }

  private void deliver(Connection c, XdsType type, long version, ProxyConfig config) {
    if (!c.alive) {
      return;
    }
    switch (type) {
      case CDS -> c.client.applyCds(version, config);
      case EDS -> c.client.applyEds(version, config);
      case LDS -> c.client.applyLds(version);
      case RDS -> c.client.applyRds(version, config);
    }
    if (type == XdsType.CDS) {
      requestWarmingEndpoints(c);
    }
  }

  /**
   * Envoy subscribes to the endpoints of a cluster when CDS adds it; if the EDS it has does not
   * cover the cluster, istiod answers the request at once with the newest endpoints.
   */
  private void requestWarmingEndpoints(Connection c) {
    if (c.client.warmingClusters().isEmpty() || c.edsRequested) {
      return;
    }
    c.edsRequested = true;
    sim.schedule(settings.proxyCost().baseNanos(), () -> {
      c.edsRequested = false;
      if (!c.alive) {
        return;
      }
      long version = current.version();
      ProxyConfig config = current.configFor(c.identity);
      long at = c.arrival(XdsType.EDS, sim.now() + c.delay(XdsType.EDS));
      sim.scheduleAt(at, () -> {
        if (c.alive) {
          c.client.applyEds(version, config);
          requestWarmingEndpoints(c);
        }
      });
    });
  }

  /** One proxy's xDS stream, as istiod's {@code Connection} holds it. */
  public final class Connection {
    private final int id;
    private final String pod;
    private final ProxyIdentity identity;
    private final XdsClient client;
    private final Sampler[] delays = new Sampler[XdsType.values().length];
    private final long[] lastArrival = new long[XdsType.values().length];
    private boolean alive = true;
    private boolean queued;
    private boolean queuedFull;
    private boolean inProgress;
    private boolean pendingAfter;
    private boolean pendingFull;
    private boolean edsRequested;
    private Runnable onReady;

    private Connection(int id, String pod, ProxyIdentity identity, XdsClient client) {
      this.id = id;
      this.pod = pod;
      this.identity = identity;
      this.client = client;
      if (settings.delivery() == Delivery.ADS) {
        Sampler ads = settings.deliveryDelay().sampler(streams.stream("xds/" + pod + "/ads"));
        java.util.Arrays.fill(delays, ads);
      } else {
        for (XdsType t : XdsType.values()) {
          String name = t.name().toLowerCase(java.util.Locale.ROOT);
          delays[t.ordinal()] = typeDelay(t).sampler(streams.stream("xds/" + pod + "/" + name));
        }
      }
    }

    int id() {
      return id;
    }

    String pod() {
      return pod;
    }

    XdsClient client() {
      return client;
    }

    boolean alive() {
      return alive;
    }

    private long delay(XdsType type) {
      return Math.max(0, Math.round(delays[type.ordinal()].sample()));
    }

    /** FIFO per stream: not before what was sent earlier on it. */
    private long arrival(XdsType type, long at) {
      long t = Math.max(at, lastArrival[type.ordinal()]);
      lastArrival[type.ordinal()] = t;
      return t;
    }
  }

  private Distribution typeDelay(XdsType t) {
    Distribution d = switch (t) {
      case CDS -> settings.cdsDelay();
      case EDS -> settings.edsDelay();
      case LDS -> settings.ldsDelay();
      case RDS -> settings.rdsDelay();
    };
    return d == null ? settings.deliveryDelay() : d;
  }
}

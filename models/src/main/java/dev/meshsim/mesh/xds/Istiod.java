package dev.meshsim.mesh.xds;

import dev.meshsim.mesh.kube.ServiceRegistry;
import dev.meshsim.engine.Simulation;
import dev.meshsim.engine.random.RandomStreams;
import dev.meshsim.istio.IstioConfig;
import dev.meshsim.result.PushRecord;
import dev.meshsim.timeline.ControlPlaneSettings;
import dev.meshsim.timeline.TimelineEvent.IstioObject;
import java.util.ArrayList;
import java.util.List;

/**
 * istiod's discovery server, as {@code pilot/pkg/xds/discovery.go} runs it:
 *
 * <ul>
 *   <li>Config and endpoint events are <em>debounced</em> ({@link Debouncer}).
 *   <li><em>One push at a time</em> (the {@code free} flag): a full push first builds its push
 *       context ({@code initPushContext}), which costs time growing with the config; events
 *       arriving meanwhile wait for the next push. An endpoints-only push reuses the context.
 *   <li>Every connected proxy is then queued, and a few are pushed at once ({@link PushQueue}).
 *   <li>The proxy then receives it after a delivery delay, over ADS or independent streams
 *       ({@link XdsDelivery}).
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
  /** Built by {@link #create} right after construction: both call back into this istiod. */
  private Debouncer debouncer;
  private PushQueue pushQueue;
  private final PushRecords pushes;
  private final List<Connection> connections = new ArrayList<>();
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

  /** An istiod whose first push context is built from {@code initial} and the registry as it is now. */
  public static Istiod create(Simulation sim, RandomStreams streams, ControlPlaneSettings settings,
      ServiceRegistry registry, IstioConfig initial, IstioProfile profile) {
    Istiod istiod = new Istiod(sim, streams, settings, registry, initial, profile);
    istiod.debouncer = new Debouncer(sim, settings, istiod::push);
    XdsDelivery delivery = new XdsDelivery(sim, settings, istiod::currentContext);
    istiod.pushQueue = new PushQueue(sim, settings, istiod::currentContext, delivery, istiod.pushes::drained,
        istiod::skipped);
    return istiod;
  }

  private Istiod(Simulation sim, RandomStreams streams, ControlPlaneSettings settings, ServiceRegistry registry,
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
    this.pushes = new PushRecords(sim);
  }

  private PushContext currentContext() {
    return current;
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
    return pushes.all();
  }

  /** The newest config version. */
  public long version() {
    return current.version();
  }

  /** Distinct proxy configs the newest push context generated (for memory figures). */
  public int generatedConfigs() {
    return current.generatedConfigs();
  }

  /**
   * Every connected proxy's sync state, in connection order, as istiod's {@code /debug/syncz}
   * reports it: what istiod last sent of each type and the client holding what it applied.
   * Read-only, for inspection.
   */
  public List<ProxySync> syncStatus() {
    List<ProxySync> out = new ArrayList<>();
    for (Connection c : connections) {
      if (c.alive) {
        long[] sent = new long[XdsType.values().length];
        for (XdsType t : XdsType.values()) {
          sent[t.ordinal()] = c.streams.sent(t);
        }
        out.add(new ProxySync(c.pod, c.identity.namespace(), sent, c.client));
      }
    }
    return out;
  }

  /** The Istio objects in istiod's store now (for inspection). */
  public IstioConfig configNow() {
    return store.snapshot();
  }

  /** Registers a proxy's xDS stream. {@code configured} proxies already hold version 0. */
  public Connection connect(String podName, ProxyIdentity identity, XdsClient client, boolean configured) {
    Connection c = new Connection(connections.size(), podName, identity, client,
        new XdsStreams(settings, streams, podName));
    c.scope = current; // the context its first config comes from
    connections.add(c);
    if (configured) {
      for (XdsType t : XdsType.values()) {
        c.streams.sent(t, 0); // it runs with version 0, as if istiod had sent it
      }
    }
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
      pushQueue.pushInitial(c);
    }
    return c;
  }

  /** istiod did not push {@code c}: nothing it depends on changed; it is not measured for those changes. */
  private void skipped(Connection c, List<ConvergenceTracker.Change> changes) {
    pushes.skipped();
    convergence.skipped(c, changes);
  }

  /** The proxy's stream closed (its Envoy exited). */
  public void disconnect(Connection c) {
    if (!c.alive) {
      return;
    }
    c.alive = false;
    pushQueue.remove(c);
    c.client.stop();
    convergence.disconnected(c);
  }

  /** A new measured change; {@code inputs} events of it will reach istiod. */
  public ConvergenceTracker.Change openChange(String label, boolean full, int inputs) {
    return convergence.open(label, sim.now(), full, inputs, connections);
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
    debouncer.event(true, change, object.key());
  }

  /** A deletion reached istiod's informer; false if there was no such object. */
  public boolean delete(String kind, String namespace, String name, ConvergenceTracker.Change change) {
    boolean existed = store.delete(kind, namespace, name);
    debouncer.event(true, change, IstioObject.key(kind, namespace, name));
    return existed;
  }

  /** An EndpointSlice changed (istiod's endpoint controller calls {@code EDSUpdate}). */
  public void endpointsChanged(ConvergenceTracker.Change change) {
    debouncer.event(false, change);
  }

  /**
   * The endpoints of one service changed: istiod's {@code EDSUpdate} keys the push by the service
   * ({@code kind.Endpoints}, hostname, namespace), so only proxies whose scope has it are pushed.
   */
  public void endpointsChanged(ConvergenceTracker.Change change, String fqdn, String serviceNamespace) {
    debouncer.event(false, change, IstioObject.key(ProxyDependencies.ENDPOINTS, serviceNamespace, fqdn));
  }

  /** {@code DiscoveryServer.Push}: a full push builds a new context first; EDS reuses the current. */
  private void push(PushRequest r, boolean debounced) {
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

  private void startPush(PushRequest r, long version, long dispatched, boolean debounced) {
    pushes.started(version, r, dispatched);
    pushQueue.pushAll(connections, r);
    if (debounced) {
      debouncer.pushStarted();
    }
  }

  /** One proxy's xDS stream, as istiod's {@code Connection} holds it. */
  public static final class Connection {
    private final int id;
    private final String pod;
    private final ProxyIdentity identity;
    private final XdsClient client;
    private final XdsStreams streams;
    private final PushQueue.Entry entry = new PushQueue.Entry();
    private boolean alive = true;
    private Runnable onReady;
    /** The push context of the proxy's Sidecar scope, and of the one before ({@code PrevSidecarScope}). */
    private PushContext scope;
    private PushContext previousScope;

    private Connection(int id, String pod, ProxyIdentity identity, XdsClient client, XdsStreams streams) {
      this.id = id;
      this.pod = pod;
      this.identity = identity;
      this.client = client;
      this.streams = streams;
    }

    int id() {
      return id;
    }

    String pod() {
      return pod;
    }

    ProxyIdentity identity() {
      return identity;
    }

    XdsClient client() {
      return client;
    }

    XdsStreams streams() {
      return streams;
    }

    PushQueue.Entry entry() {
      return entry;
    }

    boolean alive() {
      return alive;
    }

    /** {@code computeProxyState}: the scope becomes {@code context}'s, the old one kept as the previous. */
    void newScope(PushContext context) {
      previousScope = scope;
      scope = context;
    }

    PushContext scope() {
      return scope;
    }

    PushContext previousScope() {
      return previousScope;
    }
  }
}

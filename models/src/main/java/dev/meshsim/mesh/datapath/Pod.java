package dev.meshsim.mesh.datapath;

import dev.meshsim.mesh.kube.ServiceRegistry;
import dev.meshsim.mesh.kube.PodView;
import dev.meshsim.engine.Simulation;
import dev.meshsim.engine.random.RandomStream;
import dev.meshsim.istio.PeerAuthentication;
import dev.meshsim.istio.PeerAuthenticationPolicy;
import dev.meshsim.scenario.Locality;
import java.util.List;
import java.util.Map;

/**
 * A pod: an app (absent for a load generator's client pod), optionally an Envoy sidecar, and the
 * data path between them. Sending goes app → iptables REDIRECT to 15001 → sidecar; receiving goes
 * network → iptables REDIRECT to 15006 → sidecar → app. Without a sidecar, a request goes straight
 * to a pod of the service picked uniformly at random, as kube-proxy's iptables rules do.
 */
public final class Pod implements PodView {
  private static final long REFUSAL_FLOOR_NANOS = 10_000;

  private final Simulation sim;
  private final ServiceRegistry services;
  private final Network network;
  private final String name;
  private final String namespace;
  private final Map<String, String> labels;
  private final String ip;
  private final HopCosts costs;
  private final RandomStream kubeProxy;
  private final int ordinal;
  private final Locality locality;
  private Sidecar sidecar;
  private AppProcess app;
  /** Whether the app process is up and listening. */
  private boolean running = true;
  /** Whether the pod object still exists (false once deleted or killed and gone). */
  private boolean exists = true;
  /** Kubelet's readiness: both containers ready and the probe passed. */
  private boolean ready = true;
  private boolean terminating;
  /** The PeerAuthentication in force for this pod's inbound side (only a sidecar enforces it). */
  private PeerAuthenticationPolicy inboundPolicy = PeerAuthenticationPolicy.PERMISSIVE;
  /** A ServiceEntry's external server: not a mesh pod, its connects keep their legacy cost. */
  private boolean outsideMesh;

  /**
   * {@code ordinal} orders pods by creation (endpoints list pods in that order); {@code locality}
   * is where the pod runs (its node's region, zone and subzone). {@code services} is what
   * kube-proxy reads when the pod sends without a sidecar; {@code kubeProxy} draws its pick.
   */
  public Pod(Simulation sim, ServiceRegistry services, Network network, String name, String namespace,
      Map<String, String> labels, String ip,
      int ordinal, Locality locality, HopCosts costs, RandomStream kubeProxy) {
    this.sim = sim;
    this.services = services;
    this.network = network;
    this.ordinal = ordinal;
    this.locality = locality;
    this.name = name;
    this.namespace = namespace;
    this.labels = Map.copyOf(labels);
    this.ip = ip;
    this.costs = costs;
    this.kubeProxy = kubeProxy;
  }

  public String name() {
    return name;
  }

  /** What this pod's DNS and kube-proxy resolve names with (the sidecar's original destinations too). */
  ServiceRegistry registry() {
    return services;
  }

  public String namespace() {
    return namespace;
  }

  public Map<String, String> labels() {
    return labels;
  }

  public String ip() {
    return ip;
  }

  /** Where the pod runs; istiod ranks endpoints by it for locality failover. */
  public Locality locality() {
    return locality;
  }

  /** Creation order of the pod in the run. */
  public int ordinal() {
    return ordinal;
  }

  /** The pod's sidecar, or null. */
  public Sidecar sidecar() {
    return sidecar;
  }

  public void attachSidecar(Sidecar proxy) {
    this.sidecar = proxy;
  }

  /** The PeerAuthentication istiod composed for this pod ({@link PeerAuthenticationPolicy#resolve}). */
  public void setInboundPolicy(PeerAuthenticationPolicy policy) {
    this.inboundPolicy = policy;
  }

  public PeerAuthenticationPolicy inboundPolicy() {
    return inboundPolicy;
  }

  /** Marks the pod as a server outside the mesh (a ServiceEntry's external host). */
  public void setOutsideMesh() {
    this.outsideMesh = true;
  }

  boolean outsideMesh() {
    return outsideMesh;
  }

  public void attachApp(AppProcess application) {
    this.app = application;
  }

  HopCosts costs() {
    return costs;
  }

  public Simulation sim() {
    return sim;
  }

  /** Sends a request from this pod's app (or load generator) at the current time. */
  public void send(Exchange exchange) {
    if (sidecar != null && !sidecar.xds().listening()) {
      // iptables still redirects to 15001, where no Envoy listens yet (or any more): the connect is
      // refused on the loopback. The app sees a connection error, which meshsim reports as 503.
      exchange.setCode(503);
      sim().schedule(REFUSAL_FLOOR_NANOS, exchange); // fires end()
      return;
    }
    if (sidecar != null) {
      exchange.arriveAt(sidecar);
      sim().schedule(sidecarPass(), exchange); // fires sidecar.route(exchange)
    } else {
      sendWithoutSidecar(exchange);
    }
  }

  private void sendWithoutSidecar(Exchange exchange) {
    List<PodView> pods = services.pods(exchange.request().spec().host());
    if (pods.isEmpty()) {
      // A Service with no ready endpoint has an iptables REJECT rule: the connect is refused after
      // a round trip, which a client reports as 503. The floor stands for the connect() syscall, so
      // a closed-loop client never retries within the same instant.
      exchange.setCode(503);
      sim().schedule(Math.max(REFUSAL_FLOOR_NANOS, 2 * costs.network()), exchange); // fires end()
      return;
    }
    // kube-proxy DNATs to one endpoint's IP; the pod network delivers to the pod holding it.
    Pod server = network.podAt(pods.get(kubeProxy.nextInt(pods.size())).ip());
    NetworkLeg leg = new NetworkLeg(this, server);
    DirectInbound inbound = new DirectInbound(exchange, leg);
    if (server.rejectsPlaintext(exchange.request().spec().port())) {
      // iptables sends the plain connection to the server's Envoy, which only accepts mTLS there:
      // no filter chain matches and it closes the connection (curl: "connection reset by peer").
      sim().schedule(costs.network(), inbound::reset);
      return;
    }
    leg.sendRequest(inbound);
  }

  /** Delivers a request that left its sender {@code networkNanos} ago to this pod's app. */
  void deliver(Inbound inbound, long networkNanos) {
    inbound.arrived(sim().now() + networkNanos);
    sim().schedule(networkNanos + sidecarPass(), () -> arrive(inbound));
  }

  /**
   * {@link #deliver} for a request that is its own arrival event: {@code arrival} must call {@link
   * #arrive} when it fires. Saves the event object per hop that the lambda above allocates.
   */
  void deliverArrival(Inbound inbound, dev.meshsim.engine.Event arrival, long networkNanos) {
    inbound.arrived(sim().now() + networkNanos);
    sim().schedule(networkNanos + sidecarPass(), arrival);
  }

  /** A delivered request reaches this pod's app (through its sidecar, if any). */
  void arrive(Inbound inbound) {
    if (running) {
      app.accept(inbound);
    } else if (exists && sidecar != null && sidecar.xds().listening()) {
      // The pod's Envoy is up but its app is not (restarting): the server sidecar's connect to the
      // app fails and it answers 503 itself (a TCP inbound closes the connection instead).
      inbound.refused();
    } else {
      inbound.reset(); // the connection's far end is gone
    }
  }

  /**
   * Time between this pod's app and the wire, either way: through iptables and its sidecar, or
   * nothing without one. Every path draws it here, so the hop costs live in one place.
   */
  long sidecarPass() {
    return sidecar == null ? 0 : costs.sidecarPass();
  }

  /** Where this pod's sidecar writes access-log entries, or null (no sidecar, or no access log). */
  AccessLogRecorder sidecarLog() {
    return sidecar == null ? null : sidecar.accessLog();
  }

  /** Whether this pod's sidecar logs the requests its app serves (a gateway's Envoy logs them as it routes them). */
  boolean logsInbound() {
    return sidecar != null && app != null && !app.proxyOnly();
  }

  /** Switches how this pod's app misbehaves (the timeline's {@code failure} action). */
  public void setFailure(dev.meshsim.app.FailureMode mode) {
    if (app != null) {
      app.setFailure(mode);
    }
  }

  /**
   * Whether a TCP connect to this pod succeeds now. With a sidecar the connect lands on Envoy's
   * inbound listener, so it needs the pod to exist and its Envoy to have its listeners; without one
   * it needs the app to listen. A connect that fails is refused after one round trip (the pod's
   * network namespace answers with a reset), which the client's Envoy reports as {@code 503 UF}.
   */
  public boolean acceptsConnections() {
    if (!exists) {
      return false;
    }
    return sidecar != null ? sidecar.xds().listening() : running;
  }

  /** Whether this pod's sidecar refuses plaintext on {@code port} (PeerAuthentication STRICT). */
  boolean rejectsPlaintext(int port) {
    return sidecar != null && inboundPolicy.modeFor(port) == PeerAuthentication.Mode.STRICT;
  }

  /** Whether kubelet considers the pod ready (what its EndpointSlice entry says, once published). */
  public boolean ready() {
    return ready;
  }

  /** Whether the pod is being deleted (draining). */
  public boolean terminating() {
    return terminating;
  }

  /** Whether the pod still exists (it is not gone after a kill or the end of its drain). */
  public boolean exists() {
    return exists;
  }

  public void setReady(boolean isReady) {
    this.ready = isReady;
  }

  public void setTerminating() {
    this.terminating = true;
  }

  /** The app process is up (started, or restarted after a crash). */
  public void appStarted() {
    running = true;
  }

  /** Whether the app process is up. */
  public boolean appRunning() {
    return running;
  }

  /** The pod is gone: its app is killed (what it served is reset) and nothing answers any more. */
  public void remove() {
    killApp();
    exists = false;
    ready = false;
  }

  /** Kills the pod's app: everything it was serving is reset, and connects are refused. */
  public void killApp() {
    running = false;
    if (app != null) {
      app.abortAll();
    }
  }
}

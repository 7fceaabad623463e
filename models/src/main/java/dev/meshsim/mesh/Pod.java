package dev.meshsim.mesh;

import dev.meshsim.engine.Simulation;
import dev.meshsim.engine.random.RandomStream;
import java.util.List;
import java.util.Map;

/**
 * A pod: an app (absent for a load generator's client pod), optionally an Envoy sidecar, and the
 * data path between them. Sending goes app → iptables REDIRECT to 15001 → sidecar; receiving goes
 * network → iptables REDIRECT to 15006 → sidecar → app. Without a sidecar, a request goes straight
 * to a pod of the service picked uniformly at random, as kube-proxy's iptables rules do.
 */
public final class Pod {
  private static final long REFUSAL_FLOOR_NANOS = 10_000;

  private final Mesh mesh;
  private final String name;
  private final String namespace;
  private final Map<String, String> labels;
  private final String ip;
  private final HopCosts costs;
  private final RandomStream kubeProxy;
  private Sidecar sidecar;
  private App app;
  private boolean running = true;

  Pod(Mesh mesh, String name, String namespace, Map<String, String> labels, String ip) {
    this.mesh = mesh;
    this.name = name;
    this.namespace = namespace;
    this.labels = Map.copyOf(labels);
    this.ip = ip;
    this.costs = new HopCosts(mesh.settings(), mesh.streams(), name);
    this.kubeProxy = mesh.streams().stream("pod/" + name + "/kube-proxy");
  }

  public String name() {
    return name;
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

  /** The pod's sidecar, or null. */
  public Sidecar sidecar() {
    return sidecar;
  }

  void attachSidecar(Sidecar proxy) {
    this.sidecar = proxy;
  }

  void attachApp(App application) {
    this.app = application;
  }

  HopCosts costs() {
    return costs;
  }

  Simulation sim() {
    return mesh.sim();
  }

  /** Sends a request from this pod's app (or load generator) at the current time. */
  void send(Exchange exchange) {
    if (sidecar != null) {
      long toRouter = costs.iptablesHop() + costs.sidecarProcessing();
      sim().schedule(toRouter, () -> sidecar.route(exchange));
    } else {
      sendWithoutSidecar(exchange);
    }
  }

  private void sendWithoutSidecar(Exchange exchange) {
    List<Pod> pods = mesh.registry().pods(exchange.request().spec().host());
    if (pods.isEmpty()) {
      // A Service with no ready endpoint has an iptables REJECT rule: the connect is refused after
      // a round trip, which a client reports as 503. The floor stands for the connect() syscall, so
      // a closed-loop client never retries within the same instant.
      exchange.setCode(503);
      sim().schedule(Math.max(REFUSAL_FLOOR_NANOS, 2 * costs.network()), exchange::end);
      return;
    }
    Pod server = pods.get(kubeProxy.nextInt(pods.size()));
    server.deliver(new DirectInbound(exchange, server), costs.network());
  }

  /** Delivers a request that left its sender {@code networkNanos} ago to this pod's app. */
  void deliver(Inbound inbound, long networkNanos) {
    long inboundCost = sidecar == null ? 0 : costs.iptablesHop() + costs.sidecarProcessing();
    sim().schedule(networkNanos + inboundCost, () -> {
      if (running) {
        app.accept(inbound);
      } else {
        inbound.reset(); // the connection's far end is gone
      }
    });
  }

  /** Time for this pod's answer to leave it: app → its sidecar → the wire. */
  long sendCost() {
    return sidecar == null ? 0 : costs.sidecarProcessing() + costs.iptablesHop();
  }

  /** Whether a connect to this pod succeeds: false once its app was killed. */
  public boolean acceptsConnections() {
    return running;
  }

  /** Kills the pod's app: everything it was serving is reset, and connects are refused. */
  void killApp() {
    running = false;
    if (app != null) {
      app.abortAll();
    }
  }

  /** Time from this pod's network interface back up to its app. */
  long receiveCost() {
    return sidecar == null ? 0 : costs.sidecarProcessing() + costs.iptablesHop();
  }
}

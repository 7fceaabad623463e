package dev.meshsim.mesh.app;

import dev.meshsim.mesh.datapath.RequestTemplate;
import dev.meshsim.mesh.datapath.Pod;
import dev.meshsim.mesh.datapath.MeshStats;
import dev.meshsim.mesh.datapath.DownstreamConnection;
import dev.meshsim.mesh.datapath.Exchange;
import dev.meshsim.engine.Simulation;
import dev.meshsim.engine.random.RandomStream;
import dev.meshsim.engine.random.RandomStreams;
import dev.meshsim.result.TrafficStats;
import dev.meshsim.scenario.Arrival;
import dev.meshsim.scenario.LoadSpec;

/**
 * A load generator in its own client pod, as fortio runs in a mesh. Open loop ({@code poisson},
 * {@code constant}) offers requests at a rate whatever the answers; closed loop ({@code
 * connections}) keeps N requests outstanding, like fortio {@code -c N}. It stops offering at the end
 * of the scenario's duration or after {@code requests} in all.
 */
public final class LoadGenerator {
  /**
   * The least time one connection spends per request (fortio's own work). It matters only where the
   * scenario makes a round trip cost nothing, where a closed loop would otherwise never let time pass.
   */
  private static final long MIN_REQUEST_NANOS = 1_000;

  private final LoadSpec spec;
  private final Pod pod;
  private final Simulation sim;
  private final MeshStats stats;
  private final RequestTemplate request;
  private final RandomStream arrivals;
  private final long stopNanos;
  private final TrafficStats traffic = new TrafficStats();
  private long started;
  private long ended;

  public LoadGenerator(LoadSpec spec, Pod pod, Simulation sim, MeshStats stats, RandomStreams streams, long stopNanos) {
    this.spec = spec;
    this.pod = pod;
    this.sim = sim;
    this.stats = stats;
    this.request = RequestTemplate.of(spec.request());
    this.arrivals = streams.stream("load/" + spec.name() + "/arrivals");
    this.stopNanos = stopNanos;
  }

  public String name() {
    return spec.name();
  }

  public TrafficStats traffic() {
    return traffic;
  }

  public long sent() {
    return started;
  }

  /** Requests sent and not yet answered. */
  public long inFlight() {
    return started - ended;
  }

  public void start() {
    Arrival arrival = spec.arrival();
    if (arrival instanceof Arrival.Poisson p) {
      sim.schedule(exponentialGap(p.perSecond()), new OpenLoop(p.perSecond(), true));
    } else if (arrival instanceof Arrival.Constant c) {
      sim.schedule(0, new OpenLoop(c.perSecond(), false));
    } else if (arrival instanceof Arrival.Connections c) {
      for (int i = 0; i < c.connections(); i++) {
        DownstreamConnection connection = new DownstreamConnection();
        sim.schedule(0, () -> closedLoop(c.qpsPerConnection(), connection));
      }
    }
  }

  private boolean mayStart() {
    return sim.now() < stopNanos && (spec.maxRequests() == 0 || started < spec.maxRequests());
  }

  /**
   * The next open-loop arrival: one event object for the whole run, rescheduled after each firing
   * (a lambda per arrival cost an object per request).
   */
  private final class OpenLoop implements dev.meshsim.engine.Event {
    private final double perSecond;
    private final boolean poisson;

    OpenLoop(double perSecond, boolean poisson) {
      this.perSecond = perSecond;
      this.poisson = poisson;
    }

    @Override
    public void fire() {
      if (!mayStart()) {
        return;
      }
      send(onEnded, null);
      long gap = poisson ? exponentialGap(perSecond) : Math.round(1e9 / perSecond);
      sim.schedule(gap, this);
    }
  }

  /** What an open-loop request does when it ends; one object for every request. */
  private final Exchange.ResponseHandler onEnded = this::onEnded;

  /**
   * One fortio connection, kept open: the next request goes on it when the previous answer is back.
   * (Open-loop requests each open a connection of their own.)
   */
  private void closedLoop(double qpsPerConnection, DownstreamConnection connection) {
    if (!mayStart()) {
      return;
    }
    long sentAt = sim.now();
    send(exchange -> {
      onEnded(exchange);
      long paced = qpsPerConnection > 0 ? sentAt + Math.round(1e9 / qpsPerConnection) : 0;
      long earliest = sentAt + MIN_REQUEST_NANOS;
      sim.scheduleAt(Math.max(sim.now(), Math.max(paced, earliest)), () -> closedLoop(qpsPerConnection, connection));
    }, connection);
  }

  private void send(Exchange.ResponseHandler handler, DownstreamConnection connection) {
    started++;
    pod.send(new Exchange(request, pod, sim.now(), handler).onConnection(connection));
  }

  private void onEnded(Exchange exchange) {
    ended++;
    stats.recordEnded(exchange, traffic, sim.now() - exchange.startNanos());
    stats.recordTrace(spec.name(), exchange);
  }

  private long exponentialGap(double perSecond) {
    return Math.round(arrivals.nextExponential(1e9 / perSecond));
  }
}

package dev.meshsim.mesh.xds;

import dev.meshsim.engine.Simulation;
import dev.meshsim.timeline.ControlPlaneSettings;
import dev.meshsim.timeline.ControlPlaneSettings.Delivery;
import java.util.function.Supplier;

/**
 * Sends a pushed config to one proxy, which receives it after a delivery delay: over ADS all four
 * types in istiod's {@code PushOrder} (CDS, EDS, LDS, RDS) at once, or over independent streams
 * each type after its own delay (see {@link XdsStreams}). What is sent is generated from the newest
 * push context at the moment of sending.
 */
final class XdsDelivery {
  private final Simulation sim;
  private final ControlPlaneSettings settings;
  private final Supplier<PushContext> context;

  XdsDelivery(Simulation sim, ControlPlaneSettings settings, Supplier<PushContext> context) {
    this.sim = sim;
    this.settings = settings;
    this.context = context;
  }

  /** Sends a full push (all four types) or an endpoints-only one (EDS). */
  void send(Istiod.Connection c, boolean full) {
    PushContext current = context.get();
    long version = current.version();
    ProxyConfig config = current.configFor(c.identity());
    for (XdsType t : XdsType.values()) {
      if (full || t == XdsType.EDS) {
        c.streams().sent(t, version);
      }
    }
    if (settings.delivery() == Delivery.ADS) {
      sendAds(c, full, version, config);
      return;
    }
    XdsStreams streams = c.streams();
    for (XdsType t : XdsType.values()) {
      if (!full && t != XdsType.EDS) {
        continue;
      }
      long at = streams.arrival(t, sim.now() + streams.delay(t));
      sim.scheduleAt(at, () -> deliver(c, t, version, config));
    }
  }

  private void sendAds(Istiod.Connection c, boolean full, long version, ProxyConfig config) {
    XdsStreams streams = c.streams();
    long at = streams.adsArrival(sim.now() + streams.delay(XdsType.CDS));
    sim.scheduleAt(at, () -> {
      if (!c.alive()) {
        return;
      }
      XdsClient client = c.client();
      if (full) {
        client.applyCds(version, config);
        client.applyEds(version, config);
        client.applyLds(version);
        client.applyRds(version, config);
      } else {
        client.applyEds(version, config);
      }
      requestWarmingEndpoints(c);
    });
  }

  /** One type over an independent stream. */
  private void deliver(Istiod.Connection c, XdsType type, long version, ProxyConfig config) {
    if (!c.alive()) {
      return;
    }
    XdsClient client = c.client();
    switch (type) {
      case CDS -> client.applyCds(version, config);
      case EDS -> client.applyEds(version, config);
      case LDS -> client.applyLds(version);
      case RDS -> client.applyRds(version, config);
    }
    if (type == XdsType.CDS) {
      requestWarmingEndpoints(c);
    }
  }

  /**
   * Envoy subscribes to the endpoints of a cluster when CDS adds it; if the EDS it has does not
   * cover the cluster, istiod answers the request at once with the newest endpoints.
   */
  private void requestWarmingEndpoints(Istiod.Connection c) {
    XdsStreams streams = c.streams();
    if (c.client().warmingClusters().isEmpty() || streams.edsRequested) {
      return;
    }
    streams.edsRequested = true;
    sim.schedule(settings.proxyCost().baseNanos(), () -> {
      streams.edsRequested = false;
      if (!c.alive()) {
        return;
      }
      PushContext current = context.get();
      long version = current.version();
      ProxyConfig config = current.configFor(c.identity());
      streams.sent(XdsType.EDS, version);
      long at = streams.arrival(XdsType.EDS, sim.now() + streams.delay(XdsType.EDS));
      sim.scheduleAt(at, () -> {
        if (c.alive()) {
          c.client().applyEds(version, config);
          requestWarmingEndpoints(c);
        }
      });
    });
  }
}

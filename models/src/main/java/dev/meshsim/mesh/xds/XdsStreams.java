package dev.meshsim.mesh.xds;

import dev.meshsim.engine.random.Distribution;
import dev.meshsim.engine.random.Distribution.Sampler;
import dev.meshsim.engine.random.RandomStreams;
import dev.meshsim.timeline.ControlPlaneSettings;
import dev.meshsim.timeline.ControlPlaneSettings.Delivery;
import java.util.Arrays;
import java.util.Locale;

/**
 * One proxy's xDS streams, as far as timing goes: over ADS one aggregated stream with one delay
 * for every type, or one independent stream per type with its own delay. Each stream is FIFO, so
 * a proxy never applies an older version of a type after a newer one.
 */
final class XdsStreams {
  private final Sampler[] delays = new Sampler[XdsType.values().length];
  private final long[] lastArrival = new long[XdsType.values().length];
  /** The proxy has asked for the endpoints of a warming cluster and istiod has not yet answered. */
  boolean edsRequested;
  /** Per type, the version istiod last sent on this stream (istiod's "sent" nonce), or -1. */
  private final long[] sent = {XdsClient.NONE, XdsClient.NONE, XdsClient.NONE, XdsClient.NONE};

  /** The streams of {@code pod}; each draws its delays from its own random stream. */
  XdsStreams(ControlPlaneSettings settings, RandomStreams streams, String pod) {
    if (settings.delivery() == Delivery.ADS) {
      Sampler ads = settings.deliveryDelay().sampler(streams.stream("xds/" + pod + "/ads"));
      Arrays.fill(delays, ads);
    } else {
      for (XdsType t : XdsType.values()) {
        String name = t.name().toLowerCase(Locale.ROOT);
        delays[t.ordinal()] = typeDelay(settings, t).sampler(streams.stream("xds/" + pod + "/" + name));
      }
    }
  }

  void sent(XdsType type, long version) {
    sent[type.ordinal()] = version;
  }

  long sent(XdsType type) {
    return sent[type.ordinal()];
  }

  long delay(XdsType type) {
    return Math.max(0, Math.round(delays[type.ordinal()].sample()));
  }

  /** FIFO per stream: not before what was sent earlier on it. */
  long arrival(XdsType type, long at) {
    long t = Math.max(at, lastArrival[type.ordinal()]);
    lastArrival[type.ordinal()] = t;
    return t;
  }

  /** ADS: a push travels as one (timed as CDS, its first type); every type's stream is then there. */
  long adsArrival(long at) {
    long t = arrival(XdsType.CDS, at);
    Arrays.fill(lastArrival, t);
    return t;
  }

  private static Distribution typeDelay(ControlPlaneSettings settings, XdsType t) {
    Distribution d = switch (t) {
      case CDS -> settings.cdsDelay();
      case EDS -> settings.edsDelay();
      case LDS -> settings.ldsDelay();
      case RDS -> settings.rdsDelay();
    };
    return d == null ? settings.deliveryDelay() : d;
  }
}

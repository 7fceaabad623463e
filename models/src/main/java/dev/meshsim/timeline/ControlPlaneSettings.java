package dev.meshsim.timeline;

import dev.meshsim.engine.random.Distribution;

/**
 * How config travels from {@code kubectl apply} to each sidecar: the Kubernetes API server and
 * istiod's informers, istiod's debounce and push, and xDS delivery. The scenario's {@code
 * controlPlane} block; every field has a default ({@link #DEFAULTS}).
 *
 * @param applyOrder the order in which the objects of one apply reach istiod
 * @param applyGap time between two objects of one apply reaching istiod (the first one too)
 * @param endpointsDelay from a pod's readiness change to istiod (and kube-proxy) seeing the new
 *     EndpointSlice
 * @param debounceAfterNanos {@code PILOT_DEBOUNCE_AFTER}: quiet time before a push
 * @param debounceMaxNanos {@code PILOT_DEBOUNCE_MAX}: longest a change waits for quiet
 * @param edsDebounce {@code PILOT_ENABLE_EDS_DEBOUNCE}: false pushes endpoint changes at once
 * @param pushThrottle {@code PILOT_PUSH_THROTTLE}: proxies pushed to at once
 * @param contextCost istiod's time to build a push context, per resource = service port,
 *     VirtualService or DestinationRule
 * @param proxyCost istiod's time to generate and send one proxy's config, per resource = cluster
 *     or virtual host in it
 * @param delivery ADS (one ordered stream) or independent per-type streams
 * @param deliveryDelay from istiod sending to the proxy having applied it, per proxy and push
 * @param cdsDelay with independent streams, the CDS delay (null: {@code deliveryDelay})
 * @param edsDelay likewise for EDS
 * @param ldsDelay likewise for LDS
 * @param rdsDelay likewise for RDS
 */
public record ControlPlaneSettings(
    ApplyOrder applyOrder,
    Distribution applyGap,
    Distribution endpointsDelay,
    long debounceAfterNanos,
    long debounceMaxNanos,
    boolean edsDebounce,
    int pushThrottle,
    PushCost contextCost,
    PushCost proxyCost,
    Delivery delivery,
    Distribution deliveryDelay,
    Distribution cdsDelay,
    Distribution edsDelay,
    Distribution ldsDelay,
    Distribution rdsDelay) {

  private static final long US = 1_000L;
  private static final long MS = 1_000_000L;

  /** The order in which the objects of one apply reach istiod. */
  public enum ApplyOrder {
    /** Shuffled by the seed: istiod watches each kind separately, so nothing orders them. */
    RANDOM,
    /** As written in the file. */
    FILE,
    /** Last object first. */
    REVERSE
  }

  /** How the four xDS types reach a proxy. */
  public enum Delivery {
    /** Aggregated: one stream, each push in istiod's order CDS, EDS, LDS, RDS. */
    ADS,
    /** One stream per type: each type arrives after its own delay and may overtake the others. */
    INDEPENDENT
  }

  /**
   * A cost that grows with the size of the config: {@code base + perResource × resources}.
   *
   * @param baseNanos fixed part
   * @param perResourceNanos per resource
   */
  public record PushCost(long baseNanos, long perResourceNanos) {
    public long nanos(long resources) {
      return baseNanos + perResourceNanos * resources;
    }
  }

  public static final ControlPlaneSettings DEFAULTS = new ControlPlaneSettings(
      ApplyOrder.RANDOM,
      new Distribution.Exponential(20 * MS),
      new Distribution.Constant(50 * MS),
      100 * MS,
      10_000 * MS,
      true,
      25,
      new PushCost(MS, 10 * US),
      new PushCost(100 * US, 2 * US),
      Delivery.ADS,
      new Distribution.LogNormal(5 * MS, 0.5),
      null, null, null, null);
}

package dev.meshsim.mesh.routing;

/**
 * A route's fault injection (Envoy's {@code envoy.filters.http.fault}, per-route), as istio's
 * {@code TranslateFault} builds it. Percentages are sampled independently per request; an absent
 * percentage means the fault never fires.
 *
 * @param delayNanos fixed delay; 0 none
 * @param delayPercent share of requests delayed, in [0, 100]
 * @param abortCode HTTP status of an abort; 0 none
 * @param abortPercent share of requests aborted, in [0, 100]
 */
public record FaultPolicy(long delayNanos, double delayPercent, int abortCode, double abortPercent) {
  public static final FaultPolicy NONE = new FaultPolicy(0, 0, 0, 0);

  public boolean isNone() {
    return (delayNanos == 0 || delayPercent == 0) && (abortCode == 0 || abortPercent == 0);
  }
}

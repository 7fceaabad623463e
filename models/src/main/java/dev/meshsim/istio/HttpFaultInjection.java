package dev.meshsim.istio;

/**
 * An http route's {@code fault}: Istio's {@code HTTPFaultInjection}, applied by the client sidecar's
 * fault filter before routing (reference notes §5.3). At least one of delay and abort is set.
 *
 * @param delay or null
 * @param abort or null
 */
public record HttpFaultInjection(Delay delay, Abort abort) {

  /**
   * {@code fault.delay} with a {@code fixedDelay} ({@code exponentialDelay} is ignored by Istio,
   * and so here, with a warning).
   *
   * @param fixedDelayNanos the delay, >= 1ms
   * @param percentage {@code percentage.value} in [0, 100], or null
   * @param percent the deprecated integer {@code percent}, used by Istio only when
   *     {@code percentage} is null, or null; with both null nothing is delayed
   */
  public record Delay(long fixedDelayNanos, Double percentage, Integer percent) {}

  /**
   * {@code fault.abort}: exactly one of httpStatus and grpcStatus is set.
   *
   * @param httpStatus the status answered, 200..599, or null
   * @param grpcStatus a gRPC status name such as {@code UNAVAILABLE}, or null
   * @param percentage {@code percentage.value} in [0, 100], or null: then nothing is aborted
   */
  public record Abort(Integer httpStatus, String grpcStatus, Double percentage) {}
}

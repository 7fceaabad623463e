package dev.meshsim.scenario;

/** How a load generator offers requests. */
public sealed interface Arrival {

  /** Open loop, exponential gaps: {@code {poisson: 200/s}}. */
  record Poisson(double perSecond) implements Arrival {}

  /** Open loop, equal gaps: {@code {constant: 200/s}}. */
  record Constant(double perSecond) implements Arrival {}

  /**
   * Closed loop, as fortio {@code -c N}: each connection sends its next request when the previous
   * answer arrives ({@code qps} 0), or no sooner than 1/qps after the previous start.
   *
   * @param connections concurrent connections (fortio {@code -c})
   * @param qpsPerConnection per-connection pacing; 0 means as fast as possible (fortio {@code -qps 0})
   */
  record Connections(int connections, double qpsPerConnection) implements Arrival {}
}

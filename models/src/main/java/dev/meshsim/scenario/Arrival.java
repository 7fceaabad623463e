package dev.meshsim.scenario;

/**
 * How a load generator offers requests. Each kind also says what a fortio run of the same load
 * would have been asked for ({@code -qps}, {@code -c}), so every output that describes a load in
 * fortio's terms (the {@code --fortio-json} files, the tests that render them) reads it from here.
 */
public sealed interface Arrival {

  /**
   * fortio's {@code -qps}: the requests per second asked for in all, 0 for as fast as possible.
   * A closed loop asks for its per-connection pacing on each connection.
   */
  double requestedQps();

  /** fortio's {@code -c}: the closed loop's connections; 0 for an open loop, which has none. */
  default int connections() {
    return 0;
  }

  /** Open loop, exponential gaps: {@code {poisson: 200/s}}. */
  record Poisson(double perSecond) implements Arrival {
    @Override
    public double requestedQps() {
      return perSecond;
    }
  }

  /** Open loop, equal gaps: {@code {constant: 200/s}}. */
  record Constant(double perSecond) implements Arrival {
    @Override
    public double requestedQps() {
      return perSecond;
    }
  }

  /**
   * Closed loop, as fortio {@code -c N}: each connection sends its next request when the previous
   * answer arrives ({@code qps} 0), or no sooner than 1/qps after the previous start.
   *
   * @param connections concurrent connections (fortio {@code -c})
   * @param qpsPerConnection per-connection pacing; 0 means as fast as possible (fortio {@code -qps 0})
   */
  record Connections(int connections, double qpsPerConnection) implements Arrival {
    /** fortio's {@code -qps} is the total: each of the {@code -c} connections paces at qps / c. */
    @Override
    public double requestedQps() {
      return qpsPerConnection * connections;
    }
  }
}

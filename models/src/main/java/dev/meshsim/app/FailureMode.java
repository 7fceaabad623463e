package dev.meshsim.app;

/**
 * How a Deployment's app misbehaves, to exercise retries, outlier detection and circuit breaking.
 * Each is independent of the mesh: it is what the app (or its pod) does, and the sidecars react.
 *
 * @param errorRate fraction of requests, in [0, 1], the app answers with {@code errorCode}
 * @param errorCode the status of those answers, 400..599 (default 500)
 * @param refuseConnections when true every connection to the pods is refused (as a pod whose
 *     process does not listen): the client's Envoy sees a connect failure
 * @param resetRate fraction of requests, in [0, 1], whose connection the app resets after its
 *     service time, before answering
 * @param slowdown factor, >= 0.001, on the service time (2 = twice as slow)
 */
public record FailureMode(double errorRate, int errorCode, boolean refuseConnections, double resetRate,
    double slowdown) {

  public static final int DEFAULT_ERROR_CODE = 500;
  public static final double MIN_SLOWDOWN = 1e-3;

  /** A healthy app. */
  public static final FailureMode NONE = new FailureMode(0, DEFAULT_ERROR_CODE, false, 0, 1.0);

  public FailureMode {
    check(errorRate >= 0 && errorRate <= 1, "errorRate must be in [0, 1]");
    check(errorCode >= 400 && errorCode <= 599, "errorCode must be in 400..599");
    check(resetRate >= 0 && resetRate <= 1, "resetRate must be in [0, 1]");
    check(slowdown >= MIN_SLOWDOWN && Double.isFinite(slowdown), "slowdown must be >= 0.001");
  }

  /** Answers 500 to a fraction {@code errorRate} of requests, and nothing else. */
  public static FailureMode errorRate(double errorRate) {
    return new FailureMode(errorRate, DEFAULT_ERROR_CODE, false, 0, 1.0);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}

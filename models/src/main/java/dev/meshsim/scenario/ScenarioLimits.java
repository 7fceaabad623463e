package dev.meshsim.scenario;

import dev.meshsim.yaml.YamlNode;
import java.util.List;

/**
 * The largest values a scenario may hold, each checked when the scenario is loaded and named in
 * the error, so that a typo of a few zeros is a message rather than a run that never ends or runs
 * out of memory. Listed with their reasons in {@code docs/limits.md} and at each key of {@code
 * scenarios/reference.yaml}; a test keeps the three in step.
 */
final class ScenarioLimits {

  /** The longest {@code duration}. Runs drain for as long again, so the clock stays far below 2^63 ns. */
  static final long MAX_DURATION_NANOS = 30L * 24 * 3600 * 1_000_000_000L;
  /**
   * The largest p99.99 of any duration distribution, and the cap on every draw: a longer draw
   * could only end after the longest run's drain, so capping it changes no result.
   */
  static final long MAX_DRAW_NANOS = 2 * MAX_DURATION_NANOS;
  static final String MAX_DRAW_TEXT = "1440h (60 days)";
  /** Lognormal {@code sigma}: at 20 the median and p99.99 already differ by a factor of 10^32. */
  static final double MAX_SIGMA = 20;
  /** Pods of one Deployment ({@code replicas}, {@code scale.replicas}, {@code kill.pods} …). */
  static final int MAX_REPLICAS = 10_000;
  /** Pods in the whole mesh at the start. */
  static final int MAX_PODS = 10_000;
  /** Requests one pod serves at once ({@code workers}). */
  static final int MAX_WORKERS = 100_000;
  /** Envoy worker threads per sidecar ({@code mesh.sidecar.concurrency}); Envoy's own default is the core count. */
  static final int MAX_CONCURRENCY = 256;
  /**
   * Sidecar worker threads in the mesh (pods × concurrency): each keeps its own load balancer and
   * connection pool for every cluster, so memory grows with this product.
   */
  static final int MAX_SIDECAR_WORKERS = 100_000;
  /** Requests per second of one load generator (poisson, constant, or qps of connections). */
  static final double MAX_RATE_PER_SECOND = 1_000_000;
  /**
   * Connections of one closed-loop load generator. The engine holds at most 2^23 (8,388,608)
   * pending events and a request in flight holds a few; this leaves a wide margin.
   */
  static final int MAX_CONNECTIONS = 100_000;
  /** {@code slowdown}: a larger factor only turns every request into a timeout. */
  static final double MAX_SLOWDOWN = 1000;
  /** Gamma {@code shape}: outside this range its quantiles cannot be computed reliably. */
  static final double MIN_GAMMA_SHAPE = 1e-3;
  static final double MAX_GAMMA_SHAPE = 1e6;

  static final String MAX_DURATION_TEXT = "720h (30 days)";
  /** Time-series buckets of a run ({@code duration / report.bucket}): each is kept in memory. */
  static final long MAX_BUCKETS = 100_000;

  private ScenarioLimits() {}

  /**
   * Why {@code bucket} is too fine for {@code duration}, naming the finest bucket that fits, or
   * null if it fits. The bucket count is derived, so the limit is stated on it and the message
   * turns it back into a bucket the user can write.
   */
  static String bucketProblem(long durationNanos, long bucketNanos) {
    long buckets = (durationNanos - 1) / bucketNanos + 1;
    if (buckets <= MAX_BUCKETS) {
      return null;
    }
    return "report.bucket " + Durations.format(bucketNanos) + " gives " + buckets + " buckets over the duration "
        + Durations.format(durationNanos) + ", over meshsim's limit of " + MAX_BUCKETS + "; a bucket of "
        + Durations.format(niceAtLeast((durationNanos - 1) / MAX_BUCKETS + 1)) + " or more fits";
  }

  /** The smallest 1, 2 or 5 times a power of ten that is at least {@code nanos}. */
  static long niceAtLeast(long nanos) {
    long power = 1;
    while (true) {
      for (long step : new long[] {1, 2, 5}) {
        if (step * power >= nanos) {
          return step * power;
        }
      }
      power *= 10;
    }
  }

  /**
   * {@code scenario} with another duration ({@code --duration}), after the checks the loader makes
   * on a written duration: within {@link #MAX_DURATION_NANOS}, longer than the warmup, and not so
   * long that the time series (kept when there is a timeline) has too many buckets.
   *
   * @throws IllegalArgumentException with a message for the user
   */
  static Scenario withDuration(Scenario scenario, long nanos) {
    if (nanos <= 0 || nanos > MAX_DURATION_NANOS) {
      throw new IllegalArgumentException("must be > 0 and at most " + MAX_DURATION_TEXT + " (meshsim's limit)");
    }
    if (nanos <= scenario.warmupNanos()) {
      throw new IllegalArgumentException("must be longer than the warmup (" + Durations.format(scenario.warmupNanos()) + ")");
    }
    String tooMany = scenario.timeline().events().isEmpty() ? null
        : bucketProblem(nanos, scenario.timeline().bucketNanos());
    if (tooMany != null) {
      throw new IllegalArgumentException(tooMany);
    }
    return scenario.withDuration(nanos);
  }

  /** The mesh-wide pod limits, checked once every Deployment is known. */
  static void checkPods(YamlNode serviceList, List<ServiceSpec> services, MeshSettings mesh) {
    long pods = 0;
    for (ServiceSpec s : services) {
      for (DeploymentSpec d : s.deployments()) {
        pods += d.replicas();
      }
    }
    if (pods > MAX_PODS) {
      throw serviceList.fail("the Deployments have " + pods + " replicas in all, over meshsim's limit of "
          + MAX_PODS + " pods");
    }
    long sidecarWorkers = mesh.sidecarEnabled() ? pods * mesh.sidecarConcurrency() : 0;
    if (sidecarWorkers > MAX_SIDECAR_WORKERS) {
      throw serviceList.fail(pods + " pods × mesh.sidecar.concurrency " + mesh.sidecarConcurrency() + " = "
          + sidecarWorkers + " sidecar worker threads, over meshsim's limit of " + MAX_SIDECAR_WORKERS
          + " (each keeps its own load balancer and connection pools for every cluster)");
    }
  }
}

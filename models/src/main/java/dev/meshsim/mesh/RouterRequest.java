package dev.meshsim.mesh;

import dev.meshsim.engine.Simulation;
import dev.meshsim.mesh.routing.Route;
import dev.meshsim.mesh.upstream.Cluster;
import dev.meshsim.result.ClusterStats.Stat;
import dev.meshsim.mesh.upstream.PoolFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * Envoy's router filter for one request (envoy {@code source/common/router/router.cc}): attempts,
 * retries with backoff, the route timeout over all of them, per-try timeouts, and the final
 * response code and flags. Outcomes follow Envoy:
 *
 * <ul>
 *   <li>pool overflow: {@code 503 UO}, never retried, not reported to outlier detection;
 *   <li>connect failure or timeout: {@code 503 UF}; connection terminated: {@code 503 UC}; all
 *       reported to outlier detection as local-origin failures (503);
 *   <li>per-try timeout: {@code 504 UT} (retried under 5xx, gateway-error or reset; reported as 504);
 *   <li>route timeout: {@code 504 UT}, never retried; covers pending, backoff and every attempt;
 *   <li>retries exhausted: the last result plus {@code URX}; retry breaker full: plus {@code UO}.
 * </ul>
 */
final class RouterRequest {
  private final Sidecar sidecar;
  private final Exchange exchange;
  private final Route route;
  private final Cluster cluster;
  private final int worker;
  private final RetryState retry;
  private final Simulation sim;
  private final List<Integer> attemptedHosts = new ArrayList<>(2);
  private UpstreamRequest attempt;
  private long routeTimer = Simulation.NO_TIMER;
  private long backoffTimer = Simulation.NO_TIMER;
  private boolean done;
  private int attempts;

  RouterRequest(Sidecar sidecar, Exchange exchange, Route route, Cluster cluster, int worker, RetryState retry) {
    this.sidecar = sidecar;
    this.exchange = exchange;
    this.route = route;
    this.cluster = cluster;
    this.worker = worker;
    this.retry = retry;
    this.sim = sidecar.sim();
  }

  void start() {
    if (route.timeoutNanos() > 0) {
      routeTimer = sim.schedule(route.timeoutNanos(), this::onRouteTimeout);
    }
    startAttempt();
  }

  long perTryTimeoutNanos() {
    return retry.policy().perTryTimeoutNanos();
  }

  long clientNetworkNanos() {
    return sidecar.pod().costs().network();
  }

  private void startAttempt() {
    backoffTimer = Simulation.NO_TIMER;
    boolean avoidPrevious = retry.policy().previousHosts();
    long hash = cluster.requestHash(exchange.request().attributes(), exchange.client().ip());
    int host = cluster.pickHost(worker, hash, h -> avoidPrevious && attemptedHosts.contains(h),
        retry.policy().hostSelectionMaxAttempts());
    if (host < 0) {
      finish(503, ResponseFlag.NO_HEALTHY_UPSTREAM);
      return;
    }
    attemptedHosts.add(host);
    exchange.attempting(cluster.endpoint(host));
    attempts++;
    attempt = new UpstreamRequest(this, cluster, host, sim);
    attempt.start(worker);
  }

  void onResponse(UpstreamRequest a, int code) {
    a.reportToOutlier(code);
    cluster.countCode(code);
    decide(retry.wouldRetryFromResponse(code), code, null);
  }

  void onReset(UpstreamRequest a, RetryState.Reset reason) {
    a.reportToOutlier(503);
    ResponseFlag flag = reason == RetryState.Reset.CONNECT_FAILURE
        ? ResponseFlag.UPSTREAM_CONNECTION_FAILURE
        : ResponseFlag.UPSTREAM_CONNECTION_TERMINATION;
    decide(retry.wouldRetryFromReset(reason, a.sent()), 503, flag);
  }

  void onPoolFailure(UpstreamRequest a, PoolFailure reason) {
    if (reason == PoolFailure.OVERFLOW) {
      retry.release();
      finish(503, ResponseFlag.UPSTREAM_OVERFLOW);
      return;
    }
    onReset(a, RetryState.Reset.CONNECT_FAILURE);
  }

  void onPerTryTimeout(UpstreamRequest a) {
    cluster.count(Stat.UPSTREAM_RQ_PER_TRY_TIMEOUT);
    a.reportToOutlier(504);
    decide(retry.wouldRetryFromReset(RetryState.Reset.LOCAL_RESET, true), 504,
        ResponseFlag.UPSTREAM_REQUEST_TIMEOUT);
  }

  private void onRouteTimeout() {
    routeTimer = Simulation.NO_TIMER;
    if (done) {
      return;
    }
    cluster.count(Stat.UPSTREAM_RQ_TIMEOUT);
    if (attempt != null && attempt.sent()) {
      attempt.reportToOutlier(504);
    }
    if (attempt != null) {
      attempt.cancel();
    }
    sim.cancel(backoffTimer);
    retry.release();
    finish(504, ResponseFlag.UPSTREAM_REQUEST_TIMEOUT);
  }

  /** After an attempt's outcome: retry after a backoff, or answer with the outcome. */
  private void decide(boolean warranted, int code, ResponseFlag failure) {
    switch (retry.shouldRetry(warranted)) {
      case RETRY -> {
        cluster.count(Stat.UPSTREAM_RQ_RETRY);
        backoffTimer = sim.schedule(retry.nextBackoffNanos(), this::startAttempt);
      }
      case LIMIT_EXCEEDED -> {
        cluster.count(Stat.UPSTREAM_RQ_RETRY_LIMIT_EXCEEDED);
        exchange.addFlag(ResponseFlag.UPSTREAM_RETRY_LIMIT_EXCEEDED);
        finish(code, failure);
      }
      case OVERFLOW -> {
        cluster.count(Stat.UPSTREAM_RQ_RETRY_OVERFLOW);
        exchange.addFlag(ResponseFlag.UPSTREAM_OVERFLOW);
        finish(code, failure);
      }
      case NO_RETRY -> finish(code, failure);
    }
  }

  /** Answers downstream: the code, plus {@code flag} if the failure was Envoy's own. */
  private void finish(int code, ResponseFlag flag) {
    if (done) {
      return;
    }
    done = true;
    if (attempts > 1) {
      sidecar.recordRetries(retry.policy().numRetries(), attempts - 1);
    }
    sim.cancel(routeTimer);
    retry.release();
    if (flag != null) {
      exchange.addFlag(flag);
    }
    sidecar.respondLocally(exchange, code);
  }
}

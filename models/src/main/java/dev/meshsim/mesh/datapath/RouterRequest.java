package dev.meshsim.mesh.datapath;

import dev.meshsim.mesh.streaminfo.ResponseFlag;
import dev.meshsim.engine.Simulation;
import dev.meshsim.mesh.routing.Route;
import dev.meshsim.mesh.upstream.Cluster;
import dev.meshsim.mesh.upstream.Host;
import dev.meshsim.mesh.upstream.LoadBalancerContext;
import dev.meshsim.mesh.upstream.PoolFailure;
import dev.meshsim.result.ClusterStats.Stat;
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
 *
 * <p>Each attempt's result goes straight to its host's outlier monitor, as the router does with
 * {@code upstream_host_->outlierDetector().putHttpResponseCode()}. The router is the load
 * balancer's context: the hash key, and the {@code previous_hosts} retry predicate.
 */
public final class RouterRequest implements RouterFilterInterface, LoadBalancerContext, Exchange.DownstreamReset {
  private final Sidecar sidecar;
  private final Exchange exchange;
  private final Route route;
  private final Cluster cluster;
  private final int worker;
  private final RetryState retry;
  private final Simulation sim;
  /**
   * The hosts attempted, for {@code previous_hosts}: the first in a field, the others in a list
   * made only on a retry (most requests make one attempt, and then allocate no list).
   */
  private Host firstHost;
  private List<Host> retriedHosts;
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
    exchange.attach(this);
    if (route.timeoutNanos() > 0) {
      routeTimer = sim.schedule(route.timeoutNanos(), this::onRouteTimeout);
    }
    startAttempt();
  }

  @Override
  public Exchange downstreamRequest() {
    return exchange;
  }

  /**
   * The app closed its connection (its own timeout) before the answer: Envoy's connection manager
   * resets the stream and the router resets its upstream request ({@code Filter::onDestroy}, envoy
   * {@code source/common/router/router.cc}); the access log shows response code 0 and {@code DC}.
   * The server's app is not told: it works on, and its answer is dropped on arrival.
   */
  @Override
  public void onDownstreamReset(Exchange abandoned) {
    if (done) {
      return;
    }
    done = true;
    if (attempt != null) {
      attempt.cancel();
    }
    sim.cancel(routeTimer);
    sim.cancel(backoffTimer);
    retry.release();
    sidecar.countDownstreamReset(exchange);
  }

  @Override
  public long perTryTimeoutNanos() {
    return retry.policy().perTryTimeoutNanos();
  }

  @Override
  public RequestTemplate request() {
    return exchange.upstreamRequest();
  }

  // --- LoadBalancerContext ---

  /**
   * The hash of the request as it arrived: Envoy's router picks the host ({@code createConnPool})
   * before it applies the route's header operations ({@code finalizeRequestHeaders}).
   */
  @Override
  public long computeHashKey() {
    return cluster.requestHash(exchange.request().attributes(), exchange.client().ip());
  }

  /** Envoy's {@code previous_hosts} predicate: a host this request already tried is drawn again. */
  @Override
  public boolean shouldSelectAnotherHost(Host host) {
    return retry.policy().previousHosts()
        && (host == firstHost || (retriedHosts != null && retriedHosts.contains(host)));
  }

  /**
   * The model counts the route's {@code host_selection_retry_max_attempts} (Istio: 5) as the picks
   * in all, the first included, so this returns one less. Envoy's router returns the setting itself
   * on a retry ({@code Filter::hostSelectionRetryCount}, {@code source/common/router/router.h}), so
   * it makes one pick more; kept as it was before the Host redesign so outputs stay the same, and
   * listed among the deviations in docs/model.md.
   */
  @Override
  public int hostSelectionRetryCount() {
    return Math.max(0, retry.policy().hostSelectionMaxAttempts() - 1);
  }

  /** The address the app dialled, as it sent the request (before any rewrite): an ORIGINAL_DST host. */
  @Override
  public dev.meshsim.mesh.upstream.Endpoint originalDestination() {
    return sidecar.originalDestination(exchange.request());
  }

  private void startAttempt() {
    backoffTimer = Simulation.NO_TIMER;
    Host host = cluster.chooseHost(worker, this);
    if (host == null) {
      finish(503, ResponseFlag.NO_HEALTHY_UPSTREAM);
      return;
    }
    if (firstHost == null) {
      firstHost = host;
    } else {
      if (retriedHosts == null) {
        retriedHosts = new ArrayList<>(2);
      }
      retriedHosts.add(host);
    }
    exchange.attempting(host.endpoint());
    attempts++;
    attempt = new UpstreamRequest(this, host, sidecar.legTo(host), sim);
    attempt.start(worker);
  }

  // --- RouterFilterInterface ---

  @Override
  public void onAttached(UpstreamRequest a, int worker, int serial) {
    if (sidecar.accessLog() != null) {
      exchange.connectedVia(worker, serial);
    }
    sidecar.countHost(a.host(), HostCounters.Stat.RQ_TOTAL);
  }

  @Override
  public void onUpstreamResponse(UpstreamRequest a, int code) {
    sidecar.countHost(a.host(), code >= 500 ? HostCounters.Stat.RQ_ERROR : HostCounters.Stat.RQ_SUCCESS);
    a.host().outlier().putHttpResponseCode(code);
    cluster.info().countCode(code);
    decide(retry.wouldRetryFromResponse(code), code, null);
  }

  @Override
  public void onUpstreamReset(UpstreamRequest a, RetryState.Reset reason) {
    if (a.sent()) {
      sidecar.countHost(a.host(), HostCounters.Stat.RQ_ERROR);
    }
    a.host().outlier().putHttpResponseCode(503);
    ResponseFlag flag = reason == RetryState.Reset.CONNECT_FAILURE
        ? ResponseFlag.UPSTREAM_CONNECTION_FAILURE
        : ResponseFlag.UPSTREAM_CONNECTION_TERMINATION;
    decide(retry.wouldRetryFromReset(reason, a.sent()), 503, flag);
  }

  @Override
  public void onPoolFailure(UpstreamRequest a, PoolFailure reason) {
    if (reason == PoolFailure.OVERFLOW) {
      retry.release();
      finish(503, ResponseFlag.UPSTREAM_OVERFLOW);
      return;
    }
    onUpstreamReset(a, RetryState.Reset.CONNECT_FAILURE);
  }

  @Override
  public void onPerTryTimeout(UpstreamRequest a) {
    cluster.info().count(Stat.UPSTREAM_RQ_PER_TRY_TIMEOUT);
    sidecar.countHost(a.host(), HostCounters.Stat.RQ_TIMEOUT);
    sidecar.countHost(a.host(), HostCounters.Stat.RQ_ERROR);
    a.host().outlier().putHttpResponseCode(504);
    decide(retry.wouldRetryFromReset(RetryState.Reset.LOCAL_RESET, true), 504,
        ResponseFlag.UPSTREAM_REQUEST_TIMEOUT);
  }

  private void onRouteTimeout() {
    routeTimer = Simulation.NO_TIMER;
    if (done) {
      return;
    }
    cluster.info().count(Stat.UPSTREAM_RQ_TIMEOUT);
    if (attempt != null && attempt.sent()) {
      attempt.host().outlier().putHttpResponseCode(504);
      sidecar.countHost(attempt.host(), HostCounters.Stat.RQ_TIMEOUT);
      sidecar.countHost(attempt.host(), HostCounters.Stat.RQ_ERROR);
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
        cluster.info().count(Stat.UPSTREAM_RQ_RETRY);
        backoffTimer = sim.schedule(retry.nextBackoffNanos(), this::startAttempt);
      }
      case LIMIT_EXCEEDED -> {
        cluster.info().count(Stat.UPSTREAM_RQ_RETRY_LIMIT_EXCEEDED);
        exchange.addFlag(ResponseFlag.UPSTREAM_RETRY_LIMIT_EXCEEDED);
        finish(code, failure);
      }
      case OVERFLOW -> {
        cluster.info().count(Stat.UPSTREAM_RQ_RETRY_OVERFLOW);
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
      sidecar.metrics().retried(retry.policy().numRetries(), attempts - 1);
    }
    sim.cancel(routeTimer);
    retry.release();
    if (flag != null) {
      exchange.addFlag(flag);
    }
    sidecar.respondLocally(exchange, code);
  }
}

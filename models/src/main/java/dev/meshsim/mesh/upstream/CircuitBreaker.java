package dev.meshsim.mesh.upstream;

/**
 * One client sidecar's resource counters for one Envoy cluster, against its thresholds (Envoy's
 * {@code ResourceManager}). Shared by all the sidecar's workers and all the cluster's hosts.
 */
public final class CircuitBreaker {
  private final Thresholds limits;
  private long connections;
  private long pendingRequests;
  private long requests;
  private long retries;
  private long peakConnections;
  private long peakPendingRequests;
  private long peakRequests;
  private long peakRetries;

  public CircuitBreaker(Thresholds limits) {
    this.limits = limits;
  }

  public boolean canCreateConnection() {
    return connections < limits.maxConnections();
  }

  public boolean canCreatePending() {
    return pendingRequests < limits.maxPendingRequests();
  }

  public boolean canCreateRequest() {
    return requests < limits.maxRequests();
  }

  public boolean canCreateRetry() {
    return retries < limits.maxRetries();
  }

  void connectionOpened() {
    peakConnections = Math.max(peakConnections, ++connections);
  }

  void connectionClosed() {
    connections--;
  }

  void pendingAdded() {
    peakPendingRequests = Math.max(peakPendingRequests, ++pendingRequests);
  }

  void pendingRemoved() {
    pendingRequests--;
  }

  void requestStarted() {
    peakRequests = Math.max(peakRequests, ++requests);
  }

  void requestEnded() {
    requests--;
  }

  public void retryStarted() {
    peakRetries = Math.max(peakRetries, ++retries);
  }

  public void retryEnded() {
    retries--;
  }

  public long connections() {
    return connections;
  }

  public long pendingRequests() {
    return pendingRequests;
  }

  public long requests() {
    return requests;
  }

  public long retries() {
    return retries;
  }

  public Thresholds limits() {
    return limits;
  }

  // Test probes: the highest value each counter ever reached (one max() per increment).

  /** Most connections, in any state, this breaker ever counted at once. */
  public long peakConnections() {
    return peakConnections;
  }

  public long peakPendingRequests() {
    return peakPendingRequests;
  }

  public long peakRequests() {
    return peakRequests;
  }

  public long peakRetries() {
    return peakRetries;
  }
}

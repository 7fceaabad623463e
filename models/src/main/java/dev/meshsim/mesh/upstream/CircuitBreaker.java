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
    connections++;
  }

  void connectionClosed() {
    connections--;
  }

  void pendingAdded() {
    pendingRequests++;
  }

  void pendingRemoved() {
    pendingRequests--;
  }

  void requestStarted() {
    requests++;
  }

  void requestEnded() {
    requests--;
  }

  public void retryStarted() {
    retries++;
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
}

package dev.meshsim.scenario;

import dev.meshsim.app.FailureMode;
import dev.meshsim.engine.random.Distribution;
import java.util.List;
import java.util.Map;

/**
 * A Deployment: identical pods running one app.
 *
 * @param name the Deployment's name; pods are named {@code name-0}, {@code name-1}, …
 * @param labels pod labels (DestinationRule subsets select on them); ordered
 * @param replicas number of pods
 * @param workers requests one pod serves at once; the rest wait in FIFO order
 * @param serviceTime time the app works on a request, in nanoseconds, before its calls
 * @param failure how the app misbehaves ({@link FailureMode#NONE}: not at all)
 * @param calls downstream calls made while serving, in order
 * @param locality where the pods run ({@link Locality#NONE} by default)
 * @param listenAddress the address the app listens on ({@link ListenAddress#ALL} by default)
 * @param sidecar whether the pods get an Envoy sidecar (true by default; {@code mesh.sidecar.enabled:
 *     false} removes every sidecar whatever this says)
 */
public record DeploymentSpec(
    String name,
    Map<String, String> labels,
    int replicas,
    int workers,
    Distribution serviceTime,
    FailureMode failure,
    List<CallStep> calls,
    Locality locality,
    ListenAddress listenAddress,
    boolean sidecar) {

  public DeploymentSpec {
    labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
    calls = List.copyOf(calls);
    if (failure == null) {
      throw new IllegalArgumentException("failure must not be null; use FailureMode.NONE");
    }
    if (locality == null) {
      throw new IllegalArgumentException("locality must not be null; use Locality.NONE");
    }
    if (listenAddress == null) {
      throw new IllegalArgumentException("listenAddress must not be null; use ListenAddress.ALL");
    }
  }

  /** A Deployment whose pods get a sidecar. */
  public DeploymentSpec(String name, Map<String, String> labels, int replicas, int workers,
      Distribution serviceTime, FailureMode failure, List<CallStep> calls, Locality locality,
      ListenAddress listenAddress) {
    this(name, labels, replicas, workers, serviceTime, failure, calls, locality, listenAddress, true);
  }

  /** This Deployment with or without a sidecar in its pods. */
  public DeploymentSpec withSidecar(boolean withSidecar) {
    return new DeploymentSpec(name, labels, replicas, workers, serviceTime, failure, calls, locality, listenAddress,
        withSidecar);
  }

  /** A Deployment whose app listens on every address. */
  public DeploymentSpec(String name, Map<String, String> labels, int replicas, int workers,
      Distribution serviceTime, FailureMode failure, List<CallStep> calls, Locality locality) {
    this(name, labels, replicas, workers, serviceTime, failure, calls, locality, ListenAddress.ALL);
  }

  /** A Deployment without a locality. */
  public DeploymentSpec(String name, Map<String, String> labels, int replicas, int workers,
      Distribution serviceTime, FailureMode failure, List<CallStep> calls) {
    this(name, labels, replicas, workers, serviceTime, failure, calls, Locality.NONE);
  }

  /** A Deployment whose only failure is answering 500 at {@code errorRate} (the original form). */
  public DeploymentSpec(String name, Map<String, String> labels, int replicas, int workers,
      Distribution serviceTime, double errorRate, List<CallStep> calls) {
    this(name, labels, replicas, workers, serviceTime, FailureMode.errorRate(errorRate), calls);
  }

  /** Fraction of requests the app itself answers with {@code failure().errorCode()}. */
  public double errorRate() {
    return failure.errorRate();
  }
}

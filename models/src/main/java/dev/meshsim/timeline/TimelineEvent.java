package dev.meshsim.timeline;

import dev.meshsim.istio.DestinationRule;
import dev.meshsim.istio.ObjectMeta;
import dev.meshsim.istio.Sidecar;
import dev.meshsim.istio.VirtualService;
import dev.meshsim.app.FailureMode;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a scenario's {@code timeline}: something a user (or the cluster) does at a given
 * simulated time. Times are nanoseconds from the start of the run.
 */
public sealed interface TimelineEvent {

  /** When it happens. */
  long atNanos();

  /** A short human description for reports, e.g. {@code apply reviews-v2.yaml}. */
  String describe();

  /**
   * One {@code kubectl apply -f} of a multi-document file (or an inline list): its objects reach
   * istiod one by one, in the order and with the gaps {@link ControlPlaneSettings} says.
   *
   * @param source the file name as written, or {@code inline}
   * @param objects the Istio objects in file order
   */
  record Apply(long atNanos, String source, List<IstioObject> objects) implements TimelineEvent {
    public Apply {
      objects = List.copyOf(objects);
    }

    @Override
    public String describe() {
      return "apply " + source;
    }
  }

  /** {@code kubectl delete <kind> <name> -n <namespace>}. */
  record Delete(long atNanos, String kind, String name, String namespace) implements TimelineEvent {
    @Override
    public String describe() {
      return "delete " + kind + " " + namespace + "/" + name;
    }
  }

  /** {@code kubectl scale deployment <name> --replicas=N}. */
  record Scale(long atNanos, DeploymentRef deployment, int replicas) implements TimelineEvent {
    @Override
    public String describe() {
      return "scale " + deployment + " to " + replicas;
    }
  }

  /**
   * Pods die at once (SIGKILL, as an OOM kill or {@code kubectl delete pod --grace-period=0
   * --force}): what they were serving is reset, and the ReplicaSet creates replacements at once.
   */
  record Kill(long atNanos, DeploymentRef deployment, int pods) implements TimelineEvent {
    @Override
    public String describe() {
      return "kill " + pods + " pod" + (pods == 1 ? "" : "s") + " of " + deployment;
    }
  }

  /**
   * Pods are deleted gracefully ({@code kubectl delete pod}): they drain while the ReplicaSet
   * creates replacements at once.
   */
  record Restart(long atNanos, DeploymentRef deployment, int pods) implements TimelineEvent {
    @Override
    public String describe() {
      return "restart " + pods + " pod" + (pods == 1 ? "" : "s") + " of " + deployment;
    }
  }

  /**
   * A rolling update that replaces every pod ({@code kubectl rollout restart}), bounded by
   * {@code maxSurge} and {@code maxUnavailable} as the Deployment controller bounds it.
   */
  record Rollout(long atNanos, DeploymentRef deployment, IntOrPercent maxSurge, IntOrPercent maxUnavailable)
      implements TimelineEvent {
    @Override
    public String describe() {
      return "rollout " + deployment + " (maxSurge " + maxSurge + ", maxUnavailable " + maxUnavailable + ")";
    }
  }

  /**
   * Switches how some pods' apps misbehave; {@link FailureMode#NONE} heals them.
   *
   * @param pods how many pods, oldest first
   * @param mode the failure to set
   */
  record Failure(long atNanos, DeploymentRef deployment, int pods, FailureMode mode) implements TimelineEvent {
    @Override
    public String describe() {
      String what = mode.equals(FailureMode.NONE) ? "heal " : "fail ";
      return what + pods + " pod" + (pods == 1 ? "" : "s") + " of " + deployment;
    }
  }

  /** A Deployment by namespace and name. */
  record DeploymentRef(String namespace, String name) {
    public DeploymentRef {
      Objects.requireNonNull(namespace);
      Objects.requireNonNull(name);
    }

    @Override
    public String toString() {
      return namespace.equals("default") ? name : namespace + "/" + name;
    }
  }

  /** A Kubernetes IntOrString count such as {@code 1} or {@code 25%}. */
  record IntOrPercent(int value, boolean percent) {
    /** Kubernetes' default {@code maxSurge} and {@code maxUnavailable} for a Deployment. */
    public static final IntOrPercent QUARTER = new IntOrPercent(25, true);

    /**
     * The count for {@code replicas}: a percentage rounds up for maxSurge and down for
     * maxUnavailable ({@code deploymentutil.ResolveFenceposts}).
     */
    public int resolve(int replicas, boolean roundUp) {
      if (!percent) {
        return value;
      }
      long scaled = (long) value * replicas;
      return (int) (roundUp ? (scaled + 99) / 100 : scaled / 100);
    }

    @Override
    public String toString() {
      return value + (percent ? "%" : "");
    }
  }

  /** One Istio object of an apply: exactly one of the three is set. */
  record IstioObject(VirtualService virtualService, DestinationRule destinationRule, Sidecar sidecar) {
    public IstioObject {
      int set = (virtualService == null ? 0 : 1) + (destinationRule == null ? 0 : 1) + (sidecar == null ? 0 : 1);
      if (set != 1) {
        throw new IllegalArgumentException("exactly one of virtualService, destinationRule and sidecar");
      }
    }

    /** A VirtualService or a DestinationRule. */
    public IstioObject(VirtualService virtualService, DestinationRule destinationRule) {
      this(virtualService, destinationRule, null);
    }

    public static IstioObject of(VirtualService vs) {
      return new IstioObject(vs, null, null);
    }

    public static IstioObject of(DestinationRule dr) {
      return new IstioObject(null, dr, null);
    }

    public static IstioObject of(Sidecar sidecar) {
      return new IstioObject(null, null, sidecar);
    }

    public String kind() {
      return virtualService != null ? "VirtualService" : destinationRule != null ? "DestinationRule" : "Sidecar";
    }

    public ObjectMeta meta() {
      return virtualService != null ? virtualService.meta()
          : destinationRule != null ? destinationRule.meta() : sidecar.meta();
    }

    /** {@code Kind namespace/name}, unique in a cluster. */
    public String key() {
      return key(kind(), meta().namespace(), meta().name());
    }

    public static String key(String kind, String namespace, String name) {
      return kind + " " + namespace + "/" + name;
    }
  }
}

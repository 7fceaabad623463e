package dev.meshsim.mesh;

import dev.meshsim.engine.Simulation;
import dev.meshsim.engine.random.Distribution.Sampler;
import dev.meshsim.mesh.xds.Istiod;
import dev.meshsim.mesh.xds.ProxyIdentity;
import dev.meshsim.result.PodEvent;
import dev.meshsim.scenario.DeploymentSpec;
import dev.meshsim.scenario.FailureMode;
import dev.meshsim.scenario.HttpRequestSpec;
import dev.meshsim.scenario.ServiceSpec;
import dev.meshsim.timeline.PodLifecycle;
import dev.meshsim.timeline.Timeline;
import dev.meshsim.timeline.TimelineEvent.DeploymentRef;
import dev.meshsim.timeline.TimelineEvent.IntOrPercent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes side of pods: the ReplicaSet and Deployment controllers (replica count, scale,
 * rolling update) and kubelet (containers starting in either order, startup crashes with
 * CrashLoopBackOff, readiness, graceful termination with Istio's drain, and kills).
 *
 * <p>A new pod's two containers start together. Envoy boots ({@code sidecarStartup}), asks istiod
 * for its config and is ready once it has applied it; iptables already redirects the app's traffic
 * to it, so until then the app's outbound connects are refused. The app listens after {@code
 * appStartup} (after Envoy is ready with {@code holdApplicationUntilProxyStarts}) and makes its
 * startup calls; a failed one makes it exit, and kubelet restarts it (the first restart at once,
 * then after 10 s, 20 s, … at most 5 minutes). Once both are up, the readiness probe marks the pod
 * Ready after {@code readinessDelay}, and the endpoints controller publishes it.
 *
 * <p>A deleted pod is withdrawn from the endpoints at once (published after the endpoints delay),
 * keeps serving while Envoy drains for {@code terminationDrainDuration}, then its Envoy and app exit
 * and what they still held is reset. A killed pod is gone at once.
 */
final class Workloads {
  private static final long MAX_BACKOFF_NANOS = 300_000_000_000L;

  private final Mesh mesh;
  private final Simulation sim;
  private final Timeline timeline;
  private final Map<String, Deployment> deployments = new LinkedHashMap<>();
  private final List<PodEvent> events = new ArrayList<>();
  private EndpointsController endpoints;
  private Istiod istiod;

  Workloads(Mesh mesh, Timeline timeline) {
    this.mesh = mesh;
    this.sim = mesh.sim();
    this.timeline = timeline;
  }

  void wire(EndpointsController endpointsController, Istiod discovery) {
    this.endpoints = endpointsController;
    this.istiod = discovery;
  }

  /** A Deployment of the scenario; its initial pods are added with {@link #adoptRunning}. */
  void addDeployment(ServiceSpec service, DeploymentSpec spec) {
    Deployment d = new Deployment(service, spec, timeline.lifecycleOf(service.namespace(), spec.name()));
    d.desired = spec.replicas();
    deployments.put(key(service.namespace(), spec.name()), d);
  }

  /** A pod running from time 0 belongs to its Deployment. */
  void adoptRunning(ServiceSpec service, DeploymentSpec spec, Pod pod) {
    Deployment d = deployments.get(key(service.namespace(), spec.name()));
    d.pods.add(pod);
    d.nextIndex++;
  }

  /** Pod events so far, in time order. */
  List<PodEvent> events() {
    return List.copyOf(events);
  }

  Deployment deployment(DeploymentRef ref) {
    Deployment d = deployments.get(key(ref.namespace(), ref.name()));
    if (d == null) {
      throw new IllegalArgumentException("no deployment " + ref);
    }
    return d;
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  private void log(Pod pod, String what) {
    events.add(new PodEvent(sim.now(), pod.name(), what));
  }

  // --- timeline actions ---

  void scale(DeploymentRef ref, int replicas) {
    Deployment d = deployment(ref);
    d.desired = replicas;
    d.reconcile();
  }

  /** SIGKILL {@code count} pods, oldest first; the ReplicaSet replaces them at once. */
  void kill(DeploymentRef ref, int count) {
    Deployment d = deployment(ref);
    for (Pod pod : d.oldestLive(count)) {
      log(pod, "killed");
      gone(pod);
    }
    d.reconcile();
  }

  /** Deletes {@code count} pods gracefully, oldest first; the ReplicaSet replaces them at once. */
  void restart(DeploymentRef ref, int count) {
    Deployment d = deployment(ref);
    for (Pod pod : d.oldestLive(count)) {
      terminate(pod);
    }
    d.reconcile();
  }

  /** A rolling update replacing every pod. */
  void rollout(DeploymentRef ref, IntOrPercent maxSurge, IntOrPercent maxUnavailable) {
    Deployment d = deployment(ref);
    d.rolloutSurge = maxSurge;
    d.rolloutUnavailable = maxUnavailable;
    d.oldPods.clear();
    for (Pod p : d.pods) {
      if (!p.terminating()) {
        d.oldPods.add(p);
      }
    }
    d.rolling = true;
    d.reconcile();
  }

  /** Sets the app failure of the {@code count} oldest live pods (the timeline's {@code failure}). */
  void failure(DeploymentRef ref, int count, FailureMode mode) {
    for (Pod pod : deployment(ref).oldestLive(count)) {
      pod.setFailure(mode);
      log(pod, mode.equals(FailureMode.NONE) ? "healed" : "failure set");
    }
  }

  /** The pods of a Deployment that exist and are not being deleted, oldest first. */
  List<Pod> livePods(DeploymentRef ref) {
    return deployment(ref).live();
  }

  // --- pod lifecycle (kubelet) ---

  private Pod createPod(Deployment d) {
    String name = d.spec.name() + "-" + d.nextIndex++;
    Pod pod = mesh.newPod(name, d.service.namespace(), d.spec.labels(), d.spec.locality());
    pod.attachApp(new App(pod, d.spec, mesh));
    pod.setReady(false);
    d.pods.add(pod);
    new Startup(d, pod).begin();
    return pod;
  }

  /** A pod's start: its two containers, their race, the app's startup calls, readiness. */
  private final class Startup {
    private final Deployment d;
    private final Pod pod;
    private final Sampler appStartup;
    private boolean sidecarReady;
    private boolean appReady;
    private int crashes;

    Startup(Deployment d, Pod pod) {
      this.d = d;
      this.pod = pod;
      String prefix = "pod/" + pod.name() + "/lifecycle/";
      this.appStartup = d.lifecycle.appStartup().sampler(mesh.streams().stream(prefix + "app-startup"));
      pod.killApp(); // the app is not up until it has started
    }

    void begin() {
      log(pod, "created");
      boolean withSidecar = mesh.settings().sidecarEnabled();
      if (withSidecar) {
        mesh.injectStartingSidecar(pod);
        Sampler boot = d.lifecycle.sidecarStartup().sampler(mesh.streams().stream("pod/" + pod.name()
            + "/lifecycle/sidecar-startup"));
        sim.schedule(nanos(boot.sample()), this::envoyBooted);
      } else {
        sidecarReady = true;
      }
      if (!withSidecar || !d.lifecycle.holdApplicationUntilProxyStarts()) {
        startApp(0);
      }
    }

    private void envoyBooted() {
      if (!pod.exists()) {
        return;
      }
      ProxyIdentity identity = ProxyIdentity.of(pod);
      Istiod.Connection c = istiod.connect(pod.name(), identity, pod.sidecar().xds(), false);
      mesh.registerConnection(pod, c);
      istiod.onReady(c, this::envoyReady);
    }

    private void envoyReady() {
      if (!pod.exists()) {
        return;
      }
      sidecarReady = true;
      log(pod, "sidecar ready");
      if (d.lifecycle.holdApplicationUntilProxyStarts() && crashes == 0 && !pod.appRunning() && !appStarting) {
        startApp(0);
      }
      maybeReady();
    }

    private boolean appStarting;

    private void startApp(long delay) {
      appStarting = true;
      sim.schedule(delay + nanos(appStartup.sample()), this::appListening);
    }

    private void appListening() {
      appStarting = false;
      if (!pod.exists()) {
        return;
      }
      pod.appStarted();
      startupCall(0);
    }

    private void startupCall(int index) {
      List<HttpRequestSpec> calls = d.lifecycle.startupCalls();
      if (index == calls.size()) {
        appReady = true;
        log(pod, crashes == 0 ? "app ready" : "app ready after " + crashes + " restart" + (crashes == 1 ? "" : "s"));
        maybeReady();
        return;
      }
      RequestTemplate t = d.startupTemplates.get(index);
      pod.send(new Exchange(t, pod, sim.now(), call -> {
        if (!pod.exists()) {
          return;
        }
        if (call.succeeded()) {
          startupCall(index + 1);
        } else {
          crash(call.code());
        }
      }));
    }

    /** The app exits on a failed startup call; kubelet restarts it with CrashLoopBackOff. */
    private void crash(int code) {
      crashes++;
      log(pod, "app exited: startup call failed (" + code + "), restart " + crashes);
      pod.killApp();
      long backoff = crashes == 1 ? 0
          : Math.min(MAX_BACKOFF_NANOS, d.lifecycle.restartBackoffNanos() << Math.min(20, crashes - 2));
      startApp(backoff);
    }

    private void maybeReady() {
      if (!sidecarReady || !appReady) {
        return;
      }
      Sampler probe = d.lifecycle.readinessDelay().sampler(mesh.streams().stream("pod/" + pod.name()
          + "/lifecycle/readiness"));
      sim.schedule(nanos(probe.sample()), () -> {
        if (pod.exists() && !pod.terminating()) {
          pod.setReady(true);
          log(pod, "ready");
          endpoints.readinessChanged(pod, d.service, true);
          d.reconcile();
        }
      });
    }
  }

  /** Graceful deletion: out of the endpoints, Envoy drains, then the pod is gone. */
  private void terminate(Pod pod) {
    Deployment d = deploymentOf(pod);
    pod.setTerminating();
    log(pod, "terminating");
    boolean wasReady = pod.ready();
    pod.setReady(false);
    if (wasReady) {
      endpoints.readinessChanged(pod, d.service, false);
    }
    sim.schedule(d.lifecycle.terminationDrainNanos(), () -> {
      if (pod.exists()) {
        log(pod, "gone (drained)");
        gone(pod);
      }
    });
  }

  /** The pod stops existing: Envoy and app exit, what they held is reset. */
  private void gone(Pod pod) {
    Deployment d = deploymentOf(pod);
    boolean wasReady = pod.ready();
    pod.remove();
    mesh.stopSidecar(pod);
    d.pods.remove(pod);
    d.oldPods.remove(pod);
    if (wasReady) {
      endpoints.readinessChanged(pod, d.service, false);
    }
    d.reconcile();
  }

  private Deployment deploymentOf(Pod pod) {
    for (Deployment d : deployments.values()) {
      if (d.pods.contains(pod)) {
        return d;
      }
    }
    throw new IllegalStateException("pod " + pod.name() + " has no deployment");
  }

  private static long nanos(double value) {
    return Math.max(0, Math.round(value));
  }

  /** One Deployment and its ReplicaSets' pods. */
  final class Deployment {
    final ServiceSpec service;
    final DeploymentSpec spec;
    final PodLifecycle lifecycle;
    final List<RequestTemplate> startupTemplates = new ArrayList<>();
    /** Every pod that still exists, terminating ones included, in creation order. */
    final List<Pod> pods = new ArrayList<>();
    /** During a rollout: the pods of the old ReplicaSet still there. */
    final List<Pod> oldPods = new ArrayList<>();
    int desired;
    int nextIndex;
    boolean rolling;
    IntOrPercent rolloutSurge;
    IntOrPercent rolloutUnavailable;
    private boolean reconciling;

    Deployment(ServiceSpec service, DeploymentSpec spec, PodLifecycle lifecycle) {
      this.service = service;
      this.spec = spec;
      this.lifecycle = lifecycle;
      lifecycle.startupCalls().forEach(c -> startupTemplates.add(RequestTemplate.of(c)));
    }

    List<Pod> live() {
      List<Pod> out = new ArrayList<>();
      for (Pod p : pods) {
        if (!p.terminating()) {
          out.add(p);
        }
      }
      return out;
    }

    List<Pod> oldestLive(int count) {
      List<Pod> live = live();
      return live.subList(0, Math.min(count, live.size()));
    }

    /** The controllers' sync: bring the pods to what the Deployment asks for. */
    void reconcile() {
      if (reconciling) {
        return;
      }
      reconciling = true;
      try {
        if (rolling) {
          // The controller resyncs after each change it makes, so scaling one side down can let the
          // other scale up at once.
          for (int i = 0; i < 1_000 && rolloutStep(); i++) {
            // keep going
          }
        } else {
          replicaSetStep(live());
        }
      } finally {
        reconciling = false;
      }
    }

    /** A ReplicaSet: create the missing pods, delete the extra ones (unready first, then newest). */
    private void replicaSetStep(List<Pod> live) {
      for (int i = live.size(); i < desired; i++) {
        createPod(this);
      }
      int extra = live.size() - desired;
      for (Pod p : pickForScaleDown(live, extra)) {
        terminate(p);
      }
    }

    /**
     * {@code deployment/rolling.go}: scale the new ReplicaSet up to {@code desired + maxSurge}
     * pods in all, and the old one down while at least {@code desired - maxUnavailable} pods stay
     * available.
     */
    private boolean rolloutStep() {
      List<Pod> live = live();
      List<Pod> old = new ArrayList<>();
      List<Pod> fresh = new ArrayList<>();
      for (Pod p : live) {
        (oldPods.contains(p) ? old : fresh).add(p);
      }
      int surge = rolloutSurge.resolve(desired, true);
      int unavailable = rolloutUnavailable.resolve(desired, false);
      if (surge == 0 && unavailable == 0) {
        unavailable = 1; // Kubernetes' fencepost fix-up
      }
      int scaleUp = Math.min(desired + surge - live.size(), desired - fresh.size());
      for (int i = 0; i < scaleUp; i++) {
        fresh.add(createPod(this));
      }
      int minAvailable = desired - unavailable;
      int freshUnavailable = 0;
      for (Pod p : fresh) {
        if (!p.ready()) {
          freshUnavailable++;
        }
      }
      int maxScaledDown = old.size() + fresh.size() - minAvailable - freshUnavailable;
      List<Pod> down = pickForScaleDown(old, Math.min(maxScaledDown, old.size()));
      for (Pod p : List.copyOf(down)) {
        oldPods.remove(p);
        terminate(p);
        old.remove(p);
      }
      if (old.isEmpty() && fresh.size() >= desired && fresh.stream().allMatch(Pod::ready)) {
        rolling = false;
        oldPods.clear();
      }
      return scaleUp > 0 || !down.isEmpty();
    }

    /** ReplicaSet scale-down order: not-ready pods first, then the newest. */
    private List<Pod> pickForScaleDown(List<Pod> candidates, int count) {
      List<Pod> order = new ArrayList<>();
      for (int i = candidates.size() - 1; i >= 0; i--) {
        if (!candidates.get(i).ready()) {
          order.add(candidates.get(i));
        }
      }
      for (int i = candidates.size() - 1; i >= 0; i--) {
        if (candidates.get(i).ready()) {
          order.add(candidates.get(i));
        }
      }
      return order.subList(0, Math.max(0, Math.min(count, order.size())));
    }
  }
}

package dev.meshsim.mesh.workload;

import dev.meshsim.mesh.datapath.RequestTemplate;
import dev.meshsim.mesh.datapath.Pod;
import dev.meshsim.mesh.datapath.Exchange;
import dev.meshsim.engine.Simulation;
import dev.meshsim.engine.random.Distribution.Sampler;
import dev.meshsim.engine.random.RandomStreams;
import dev.meshsim.app.HttpRequestSpec;
import java.util.List;

/**
 * kubelet starting one pod: its two containers, their race, the app's startup calls, readiness.
 *
 * <p>A new pod's two containers start together. Envoy boots ({@code sidecarStartup}), asks istiod
 * for its config and is ready once it has applied it; iptables already redirects the app's traffic
 * to it, so until then the app's outbound connects are refused. The app listens after {@code
 * appStartup} (after Envoy is ready with {@code holdApplicationUntilProxyStarts}) and makes its
 * startup calls; a failed one makes it exit, and kubelet restarts it (the first restart at once,
 * then after 10 s, 20 s, … at most 5 minutes). Once both are up, the readiness probe marks the pod
 * Ready after {@code readinessDelay}, and the endpoints controller publishes it.
 */
public final class PodStartup {
  /** CrashLoopBackOff's cap. */
  private static final long MAX_BACKOFF_NANOS = 300_000_000_000L;

  private final Kubelet kubelet;
  private final Simulation sim;
  private final RandomStreams streams;
  private final SidecarInjector sidecars;
  private final Deployment d;
  private final Pod pod;
  private final Sampler appStartup;
  private boolean sidecarReady;
  private boolean appReady;
  private boolean appStarting;
  private int crashes;

  PodStartup(Kubelet kubelet, Simulation sim, RandomStreams streams, SidecarInjector sidecars, Deployment d, Pod pod) {
    this.kubelet = kubelet;
    this.sim = sim;
    this.streams = streams;
    this.sidecars = sidecars;
    this.d = d;
    this.pod = pod;
    String prefix = "pod/" + pod.name() + "/lifecycle/";
    this.appStartup = d.lifecycle().appStartup().sampler(streams.stream(prefix + "app-startup"));
    pod.killApp(); // the app is not up until it has started
  }

  void begin() {
    log("created");
    boolean withSidecar = sidecars.enabled() && d.withSidecar();
    if (withSidecar) {
      sidecars.injectStarting(pod);
      Sampler boot = d.lifecycle().sidecarStartup().sampler(streams.stream("pod/" + pod.name()
          + "/lifecycle/sidecar-startup"));
      sim.schedule(nanos(boot.sample()), this::envoyBooted);
    } else {
      sidecarReady = true;
    }
    if (!withSidecar || !d.lifecycle().holdApplicationUntilProxyStarts()) {
      startApp(0);
    }
  }

  private void envoyBooted() {
    if (!pod.exists()) {
      return;
    }
    sidecars.connectBooted(pod, this::envoyReady);
  }

  private void envoyReady() {
    if (!pod.exists()) {
      return;
    }
    sidecarReady = true;
    log("sidecar ready");
    if (d.lifecycle().holdApplicationUntilProxyStarts() && crashes == 0 && !pod.appRunning() && !appStarting) {
      startApp(0);
    }
    maybeReady();
  }

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
    List<HttpRequestSpec> calls = d.lifecycle().startupCalls();
    if (index == calls.size()) {
      appReady = true;
      log(crashes == 0 ? "app ready" : "app ready after " + crashes + " restart" + (crashes == 1 ? "" : "s"));
      maybeReady();
      return;
    }
    RequestTemplate t = d.startupTemplate(index);
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
    log("app exited: startup call failed (" + code + "), restart " + crashes);
    pod.killApp();
    long backoff = crashes == 1 ? 0
        : Math.min(MAX_BACKOFF_NANOS, d.lifecycle().restartBackoffNanos() << Math.min(20, crashes - 2));
    startApp(backoff);
  }

  /** Both containers are up: the readiness probe passes after its delay. */
  private void maybeReady() {
    if (!sidecarReady || !appReady) {
      return;
    }
    Sampler probe = d.lifecycle().readinessDelay().sampler(streams.stream("pod/" + pod.name()
        + "/lifecycle/readiness"));
    sim.schedule(nanos(probe.sample()), () -> {
      if (pod.exists() && !pod.terminating()) {
        pod.setReady(true);
        log("ready");
        kubelet.endpoints().readinessChanged(pod, d.service(), true);
        d.reconcile();
      }
    });
  }

  private void log(String what) {
    kubelet.events().log(pod, what);
  }

  private static long nanos(double value) {
    return Math.max(0, Math.round(value));
  }
}

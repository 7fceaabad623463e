package dev.meshsim.mesh.workload;

import dev.meshsim.mesh.datapath.Sidecar;
import dev.meshsim.mesh.datapath.ProxyEnvironment;
import dev.meshsim.mesh.datapath.Pod;
import dev.meshsim.mesh.xds.Istiod;
import dev.meshsim.mesh.xds.ProxyIdentity;
import java.util.HashMap;
import java.util.Map;

/**
 * Istio's sidecar injection and each Envoy's xDS stream to istiod: it puts an Envoy in a pod
 * (configured from time 0 for the scenario's initial pods, unconfigured for a pod that starts),
 * connects it once booted, and closes its stream when it exits. Does nothing for a mesh that runs
 * without proxies ({@code sidecar.enabled: false}); the pods of a Deployment with {@code sidecar:
 * false} are never handed to it.
 */
public final class SidecarInjector {
  private final boolean enabled;
  private final Istiod istiod;
  private final ProxyEnvironment env;
  private final Map<Pod, Istiod.Connection> connections = new HashMap<>();

  public SidecarInjector(boolean enabled, Istiod istiod, ProxyEnvironment env) {
    this.enabled = enabled;
    this.istiod = istiod;
    this.env = env;
  }

  boolean enabled() {
    return enabled;
  }

  /** A sidecar that runs from time 0 with istiod's first config. */
  public void injectRunning(Pod pod) {
    if (!enabled) {
      return;
    }
    ProxyIdentity identity = ProxyIdentity.of(pod);
    Sidecar sidecar = new Sidecar(pod, env, istiod.initialConfig(identity));
    pod.attachSidecar(sidecar);
    connections.put(pod, istiod.connect(pod.name(), identity, sidecar.xds(), true));
  }

  /** The sidecar of a pod that is starting: Envoy has no config until istiod answers it. */
  void injectStarting(Pod pod) {
    pod.attachSidecar(new Sidecar(pod, env, null));
  }

  /** The pod's Envoy booted: it opens its xDS stream; {@code onReady} runs once it applied its config. */
  void connectBooted(Pod pod, Runnable onReady) {
    Istiod.Connection c = istiod.connect(pod.name(), ProxyIdentity.of(pod), pod.sidecar().xds(), false);
    connections.put(pod, c);
    istiod.onReady(c, onReady);
  }

  /** The pod's Envoy exited: istiod closes its stream. */
  void stop(Pod pod) {
    Istiod.Connection c = connections.remove(pod);
    if (c != null) {
      istiod.disconnect(c);
    }
  }
}

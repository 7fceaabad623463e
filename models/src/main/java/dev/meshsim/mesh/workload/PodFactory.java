package dev.meshsim.mesh.workload;

import dev.meshsim.mesh.kube.ServiceRegistry;
import dev.meshsim.mesh.datapath.Pod;
import dev.meshsim.mesh.datapath.Network;
import dev.meshsim.mesh.datapath.HopCosts;
import dev.meshsim.mesh.datapath.MeshStats;
import dev.meshsim.mesh.app.App;
import dev.meshsim.engine.Simulation;
import dev.meshsim.engine.random.RandomStreams;
import dev.meshsim.istio.MtlsSettings;
import dev.meshsim.istio.PeerAuthenticationPolicy;
import dev.meshsim.scenario.DeploymentSpec;
import dev.meshsim.scenario.Locality;
import dev.meshsim.scenario.MeshSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Creates the run's pods: each gets a node and the next IP of that node's pod CIDR ({@link
 * PodAddresses}; pods are numbered in creation order, which is also the order endpoints list
 * them), its hop costs and kube-proxy stream, and a place in the pod
 * network. Apps are made here too, so a Deployment that scales up needs only this.
 */
public final class PodFactory {
  private final Simulation sim;
  private final RandomStreams streams;
  private final MeshSettings settings;
  private final ServiceRegistry services;
  private final Network network;
  private final MeshStats stats;
  private final List<Pod> pods = new ArrayList<>();
  private final PodAddresses addresses = new PodAddresses();
  private MtlsSettings mtls = MtlsSettings.DEFAULT;

  public PodFactory(Simulation sim, RandomStreams streams, MeshSettings settings, ServiceRegistry services, Network network) {
    this(sim, streams, settings, services, network, null);
  }

  /** {@code stats}: where the apps count their served requests' trace links (null: nowhere). */
  public PodFactory(Simulation sim, RandomStreams streams, MeshSettings settings, ServiceRegistry services, Network network,
      MeshStats stats) {
    this.stats = stats;
    this.sim = sim;
    this.streams = streams;
    this.settings = settings;
    this.services = services;
    this.network = network;
  }

  /** The PeerAuthentications each new pod's inbound side is resolved against. */
  public void setMtls(MtlsSettings settings) {
    this.mtls = settings;
  }

  /** A new pod with the next address. */
  public Pod newPod(String name, String namespace, Map<String, String> labels, Locality locality) {
    int n = pods.size() + 1;
    String ip = addresses.place(locality == null ? Locality.NONE : locality).ip();
    Pod pod = new Pod(sim, services, network, name, namespace, labels, ip, n, locality, new HopCosts(settings, streams, name),
        streams.stream("pod/" + name + "/kube-proxy"));
    if (!mtls.peerAuthentications().isEmpty()) {
      pod.setInboundPolicy(PeerAuthenticationPolicy.resolve(mtls, namespace, labels));
    }
    pods.add(pod);
    network.add(pod);
    return pod;
  }

  /** A new pod of {@code spec} running its app. */
  public Pod newAppPod(String name, String namespace, DeploymentSpec spec) {
    Pod pod = newPod(name, namespace, spec.labels(), spec.locality());
    pod.attachApp(new App(pod, spec, streams, stats));
    return pod;
  }

  /** Every pod created so far, in creation order (gone ones included). */
  public List<Pod> all() {
    return List.copyOf(pods);
  }
}

package dev.meshsim.scenario;

import dev.meshsim.istio.IstioConfig;
import dev.meshsim.timeline.Timeline;
import java.util.List;

/**
 * A whole scenario, parsed and validated: what runs, on which mesh, under which load. Every field is
 * final and every collection unmodifiable; times are nanoseconds.
 *
 * @param name the scenario's name (defaults to the file name without extension)
 * @param seed master seed of all random streams (default 1)
 * @param durationNanos how long load is offered
 * @param warmupNanos requests that start before this are not counted
 * @param mesh per-hop data-path costs
 * @param services the services, their ports and their deployments, in file order
 * @param istio the Istio resources, inline and from {@code istioFiles}, in the order applied
 * @param loads the load generators, in file order
 * @param istioVersion the Istio release whose behaviour is simulated ({@code istio.version})
 * @param timeline what changes during the run ({@code timeline}) and how the control plane and pods
 *     follow ({@code controlPlane}, {@code lifecycle}, {@code report})
 * @param externals the servers outside the mesh that calls may reach ({@code external}), in file order
 * @param ingress the ingress gateway ({@code ingressGateway}), or null when there is none
 * @param egress the egress gateway ({@code egressGateway}), or null when there is none
 * @param gatewayWorkloads the gateway Deployments Istio creates for Gateway API Gateways
 */
public record Scenario(
    String name,
    long seed,
    long durationNanos,
    long warmupNanos,
    MeshSettings mesh,
    List<ServiceSpec> services,
    IstioConfig istio,
    List<LoadSpec> loads,
    IstioVersion istioVersion,
    Timeline timeline,
    List<ExternalHost> externals,
    IngressGatewaySpec ingress,
    EgressGatewaySpec egress,
    List<GatewayWorkload> gatewayWorkloads) {

  public Scenario {
    services = List.copyOf(services);
    externals = List.copyOf(externals);
    gatewayWorkloads = List.copyOf(gatewayWorkloads);
    loads = List.copyOf(loads);
    if (istioVersion == null) {
      throw new IllegalArgumentException("istioVersion must not be null; use IstioVersion.CURRENT");
    }
    if (timeline == null) {
      throw new IllegalArgumentException("timeline must not be null; use Timeline.NONE");
    }
  }

  /** A scenario without an egress gateway. */
  public Scenario(String name, long seed, long durationNanos, long warmupNanos, MeshSettings mesh,
      List<ServiceSpec> services, IstioConfig istio, List<LoadSpec> loads, IstioVersion istioVersion,
      Timeline timeline, List<ExternalHost> externals, IngressGatewaySpec ingress) {
    this(name, seed, durationNanos, warmupNanos, mesh, services, istio, loads, istioVersion, timeline, externals,
        ingress, null, List.of());
  }

  /** A scenario without external servers. */
  public Scenario(String name, long seed, long durationNanos, long warmupNanos, MeshSettings mesh,
      List<ServiceSpec> services, IstioConfig istio, List<LoadSpec> loads, IstioVersion istioVersion,
      Timeline timeline) {
    this(name, seed, durationNanos, warmupNanos, mesh, services, istio, loads, istioVersion, timeline, List.of(),
        null);
  }

  /** A scenario without a timeline ({@link Timeline#NONE}). */
  public Scenario(String name, long seed, long durationNanos, long warmupNanos, MeshSettings mesh,
      List<ServiceSpec> services, IstioConfig istio, List<LoadSpec> loads, IstioVersion istioVersion) {
    this(name, seed, durationNanos, warmupNanos, mesh, services, istio, loads, istioVersion, Timeline.NONE);
  }

  /** A scenario of the default Istio release, {@link IstioVersion#CURRENT}. */
  public Scenario(String name, long seed, long durationNanos, long warmupNanos, MeshSettings mesh,
      List<ServiceSpec> services, IstioConfig istio, List<LoadSpec> loads) {
    this(name, seed, durationNanos, warmupNanos, mesh, services, istio, loads, IstioVersion.CURRENT, Timeline.NONE);
  }

  /** A copy with another seed ({@code --seed}). */
  public Scenario withSeed(long newSeed) {
    return new Scenario(name, newSeed, durationNanos, warmupNanos, mesh, services, istio, loads, istioVersion,
        timeline, externals, ingress, egress, gatewayWorkloads);
  }

  /** A copy with another duration ({@code --duration}). */
  public Scenario withDuration(long newDurationNanos) {
    return new Scenario(name, seed, newDurationNanos, warmupNanos, mesh, services, istio, loads, istioVersion,
        timeline, externals, ingress, egress, gatewayWorkloads);
  }

  /** A copy in which {@code load} replaces the load of the same name ({@code meshsim plan max-rate}). */
  public Scenario withLoad(LoadSpec load) {
    if (loads.stream().noneMatch(l -> l.name().equals(load.name()))) {
      throw new IllegalArgumentException("no load named " + load.name());
    }
    List<LoadSpec> newLoads = loads.stream().map(l -> l.name().equals(load.name()) ? load : l).toList();
    return new Scenario(name, seed, durationNanos, warmupNanos, mesh, services, istio, newLoads, istioVersion,
        timeline, externals, ingress, egress, gatewayWorkloads);
  }

  /**
   * A copy in which {@code deployment} replaces the Deployment of the same name ({@code meshsim plan
   * min-replicas}).
   */
  public Scenario withDeployment(DeploymentSpec deployment) {
    boolean found = false;
    List<ServiceSpec> newServices = new java.util.ArrayList<>();
    for (ServiceSpec s : services) {
      List<DeploymentSpec> ds = new java.util.ArrayList<>();
      for (DeploymentSpec d : s.deployments()) {
        found |= d.name().equals(deployment.name());
        ds.add(d.name().equals(deployment.name()) ? deployment : d);
      }
      newServices.add(new ServiceSpec(s.name(), s.namespace(), s.ports(), ds));
    }
    if (!found) {
      throw new IllegalArgumentException("no deployment named " + deployment.name());
    }
    return new Scenario(name, seed, durationNanos, warmupNanos, mesh, newServices, istio, loads, istioVersion,
        timeline, externals, ingress, egress, gatewayWorkloads);
  }

  /** A copy with another timeline. */
  public Scenario withTimeline(Timeline newTimeline) {
    return new Scenario(name, seed, durationNanos, warmupNanos, mesh, services, istio, loads, istioVersion,
        newTimeline, externals, ingress, egress, gatewayWorkloads);
  }
}

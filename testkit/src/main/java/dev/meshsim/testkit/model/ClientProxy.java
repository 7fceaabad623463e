package dev.meshsim.testkit.model;

import dev.meshsim.mesh.xds.ProxyConfig;

/**
 * The routes istiod generated for one client workload's sidecar at time 0, from {@link
 * ModelAdapter#client}: a handle the kit keeps per workload so a property's thousands of requests
 * build each config once. Opaque to the kit (the config is the model's type).
 */
public final class ClientProxy {
  final ProxyConfig config;

  ClientProxy(ProxyConfig config) {
    this.config = config;
  }
}

package dev.meshsim.inspect.envoy;

import com.google.protobuf.Any;
import com.google.protobuf.UInt32Value;
import dev.meshsim.inspect.snapshot.Snapshot.RouteState;
import dev.meshsim.inspect.snapshot.Snapshot.TcpListenerState;
import dev.meshsim.inspect.snapshot.Snapshot.VirtualHostState;
import dev.meshsim.inspect.snapshot.Snapshot.WeightedClusterState;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.AggregatedConfigSource;
import io.envoyproxy.envoy.config.core.v3.ApiVersion;
import io.envoyproxy.envoy.config.core.v3.ConfigSource;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.RetryPolicy;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.config.route.v3.WeightedCluster;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.Rds;
import io.envoyproxy.envoy.extensions.retry.host.previous_hosts.v3.PreviousHostsPredicate;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatcher;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * RDS and LDS as istiod generates them for a sidecar's outbound HTTP traffic (seed 003): a route
 * configuration per port ({@code 9080}) of virtual hosts, and per port a listener {@code
 * 0.0.0.0_9080} whose HTTP connection manager takes its routes by RDS under that name, beside the
 * virtual listeners {@code virtualOutbound} (15001) and {@code virtualInbound} (15006).
 */
final class RouteMapper {
  private static final String HCM = "envoy.filters.network.http_connection_manager";
  private static final String PREVIOUS_HOSTS = "envoy.retry_host_predicates.previous_hosts";

  private RouteMapper() {}

  /** Route configurations by name (the port), in port order. */
  static List<RouteConfiguration> routeConfigurations(List<VirtualHostState> hosts) {
    Map<String, RouteConfiguration.Builder> byName = new LinkedHashMap<>();
    for (VirtualHostState vh : hosts) {
      byName.computeIfAbsent(vh.routeConfig(), n -> RouteConfiguration.newBuilder().setName(n)
          .setValidateClusters(com.google.protobuf.BoolValue.of(false))).addVirtualHosts(virtualHost(vh));
    }
    return byName.values().stream().map(RouteConfiguration.Builder::build)
        .sorted(java.util.Comparator.comparingInt(r -> Integer.parseInt(r.getName()))).toList();
  }

  private static VirtualHost virtualHost(VirtualHostState vh) {
    VirtualHost.Builder b = VirtualHost.newBuilder().setName(vh.name()).addAllDomains(vh.domains());
    for (RouteState r : vh.routes()) {
      Route.Builder route = Route.newBuilder().setName(r.name()).setMatch(match(r.match())).setRoute(action(r));
      if (vh.virtualService() != null) {
        route.setMetadata(EnvoyTypes.istioConfig("virtual-service", vh.virtualService()));
      }
      b.addRoutes(route);
    }
    return b.build();
  }

  private static RouteMatch match(String described) {
    if (described.endsWith("*")) {
      return RouteMatch.newBuilder().setPrefix(described.substring(0, described.length() - 1)).build();
    }
    if (described.startsWith("/")) {
      return RouteMatch.newBuilder().setPath(described).build();
    }
    return RouteMatch.newBuilder().setSafeRegex(RegexMatcher.newBuilder().setRegex(described)).build();
  }

  private static RouteAction action(RouteState r) {
    RouteAction.Builder b = RouteAction.newBuilder().setTimeout(EnvoyTypes.duration(r.timeoutNanos()));
    if (r.clusters().size() == 1) {
      b.setCluster(r.clusters().get(0).name());
    } else {
      WeightedCluster.Builder w = WeightedCluster.newBuilder();
      for (WeightedClusterState c : r.clusters()) {
        w.addClusters(WeightedCluster.ClusterWeight.newBuilder().setName(c.name()).setWeight(UInt32Value.of(c.weight())));
      }
      b.setWeightedClusters(w);
    }
    if (r.numRetries() > 0) {
      RetryPolicy.Builder retry = RetryPolicy.newBuilder()
          .setRetryOn(envoyRetryOn(r.retryOn()))
          .setNumRetries(UInt32Value.of(r.numRetries()))
          .setPerTryTimeout(EnvoyTypes.duration(r.perTryTimeoutNanos()))
          .setHostSelectionRetryMaxAttempts(r.hostSelectionMaxAttempts())
          .addAllRetriableStatusCodes(r.retriableStatusCodes());
      if (r.previousHosts()) {
        retry.addRetryHostPredicate(RetryPolicy.RetryHostPredicate.newBuilder().setName(PREVIOUS_HOSTS)
            .setTypedConfig(Any.pack(PreviousHostsPredicate.getDefaultInstance())));
      }
      b.setRetryPolicy(retry);
    }
    return b.build();
  }

  /** meshsim folds the gRPC conditions into one ({@code grpc}), which is no Envoy token: dropped. */
  private static String envoyRetryOn(String retryOn) {
    return Arrays.stream(retryOn.split(",")).filter(t -> !t.isEmpty() && !t.equals("grpc"))
        .collect(Collectors.joining(","));
  }

  /** The listeners: one outbound HTTP listener per route table port, then 15001 and 15006. */
  static List<Listener> listeners(List<RouteConfiguration> routes) {
    return listeners(routes, List.of());
  }

  /** The same, with the outbound TCP listeners after the HTTP ones. */
  static List<Listener> listeners(List<RouteConfiguration> routes, List<TcpListenerState> tcp) {
    List<Listener> out = new java.util.ArrayList<>();
    for (RouteConfiguration rc : routes) {
      HttpConnectionManager hcm = HttpConnectionManager.newBuilder()
          .setStatPrefix("outbound_0.0.0.0_" + rc.getName())
          .setRds(Rds.newBuilder().setRouteConfigName(rc.getName()).setConfigSource(ConfigSource.newBuilder()
              .setAds(AggregatedConfigSource.getDefaultInstance()).setInitialFetchTimeout(EnvoyTypes.duration(0))
              .setResourceApiVersion(ApiVersion.V3)))
          .build();
      out.add(listener("0.0.0.0_" + rc.getName(), Integer.parseInt(rc.getName()), FilterChain.newBuilder()
          .addFilters(Filter.newBuilder().setName(HCM).setTypedConfig(Any.pack(hcm))).build()));
    }
    out.addAll(TcpListenerMapper.listeners(tcp));
    out.add(listener("virtualOutbound", 15001, null));
    out.add(listener("virtualInbound", 15006, null));
    return out;
  }

  private static Listener listener(String name, int port, FilterChain chain) {
    Listener.Builder b = Listener.newBuilder().setName(name).setAddress(Address.newBuilder().setSocketAddress(
        SocketAddress.newBuilder().setAddress("0.0.0.0").setPortValue(port)));
    if (chain != null) {
      b.addFilterChains(chain);
    }
    return b.build();
  }
}

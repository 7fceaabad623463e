package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.protobuf.Any;
import com.google.protobuf.util.JsonFormat;
import io.envoyproxy.envoy.admin.v3.BootstrapConfigDump;
import io.envoyproxy.envoy.admin.v3.ClustersConfigDump;
import io.envoyproxy.envoy.admin.v3.ConfigDump;
import io.envoyproxy.envoy.admin.v3.EndpointsConfigDump;
import io.envoyproxy.envoy.admin.v3.ListenersConfigDump;
import io.envoyproxy.envoy.admin.v3.RoutesConfigDump;
import io.envoyproxy.envoy.config.cluster.v3.CircuitBreakers;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.cluster.v3.OutlierDetection;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.config.route.v3.WeightedCluster;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.retry.host.previous_hosts.v3.PreviousHostsPredicate;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code config-dump} parses back with Envoy's own API types, and holds what istiod generates:
 * the circuit-breaking scenario's DestinationRule as thresholds and outlier detection (reference
 * §1.1, §2.1), the canary VirtualService's weights as weighted clusters.
 */
class ConfigDumpTest {
  private static final JsonFormat.TypeRegistry TYPES = JsonFormat.TypeRegistry.newBuilder()
      .add(List.of(BootstrapConfigDump.getDescriptor(), ClustersConfigDump.getDescriptor(),
          ListenersConfigDump.getDescriptor(), RoutesConfigDump.getDescriptor(), EndpointsConfigDump.getDescriptor(),
          Cluster.getDescriptor(), ClusterLoadAssignment.getDescriptor(), Listener.getDescriptor(),
          RouteConfiguration.getDescriptor(), HttpConnectionManager.getDescriptor(),
          HttpProtocolOptions.getDescriptor(), PreviousHostsPredicate.getDescriptor(),
          io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext.getDescriptor(),
          io.envoyproxy.envoy.extensions.transport_sockets.raw_buffer.v3.RawBuffer.getDescriptor(),
          io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext.getDescriptor()))
      .build();
  private static final long UNSET = 4_294_967_295L;
  private static final String HTTPBIN = "outbound|8000||httpbin.default.svc.cluster.local";

  @TempDir Path tmp;

  private ConfigDump dump(String scenario, String at, String pod) throws Exception {
    Path snap = tmp.resolve("snap-" + pod);
    assertEquals(0, CliRun.meshsim("run", scenario, "--inspect-at", at, "--inspect-dir", snap.toString()).exit());
    String json = CliRun.meshsim("inspect", snap.toString(), "config-dump", pod).out();
    assertTrue(json.contains("\"dynamic_active_clusters\""), "Envoy prints proto field names");
    ConfigDump.Builder b = ConfigDump.newBuilder();
    JsonFormat.parser().usingTypeRegistry(TYPES).merge(json, b);
    return b.build();
  }

  private static <T extends com.google.protobuf.Message> T config(ConfigDump dump, Class<T> type) throws Exception {
    for (Any any : dump.getConfigsList()) {
      if (any.is(type)) {
        return any.unpack(type);
      }
    }
    throw new AssertionError("no " + type.getSimpleName());
  }

  @Test
  void circuitBreakingDestinationRuleBecomesIstiodsThresholdsAndOutlierDetection() throws Exception {
    ConfigDump dump = dump("scenarios/circuit-breaking.yaml", "1s", "fortio-c2");
    Cluster httpbin = null;
    for (var dc : config(dump, ClustersConfigDump.class).getDynamicActiveClustersList()) {
      Cluster c = dc.getCluster().unpack(Cluster.class);
      if (c.getName().equals(HTTPBIN)) {
        httpbin = c;
      }
    }
    assertTrue(httpbin != null);
    // §1.1: tcp.maxConnections 1, http1MaxPendingRequests 1; unset limits are MaxUint32; one DEFAULT entry.
    assertEquals(1, httpbin.getCircuitBreakers().getThresholdsCount());
    CircuitBreakers.Thresholds t = httpbin.getCircuitBreakers().getThresholds(0);
    assertEquals(1, Integer.toUnsignedLong(t.getMaxConnections().getValue()));
    assertEquals(1, Integer.toUnsignedLong(t.getMaxPendingRequests().getValue()));
    assertEquals(UNSET, Integer.toUnsignedLong(t.getMaxRequests().getValue()));
    assertEquals(UNSET, Integer.toUnsignedLong(t.getMaxRetries().getValue()));
    assertTrue(t.getTrackRemaining());
    var options = httpbin.getTypedExtensionProtocolOptionsOrThrow("envoy.extensions.upstreams.http.v3.HttpProtocolOptions")
        .unpack(HttpProtocolOptions.class);
    assertEquals(1, options.getCommonHttpProtocolOptions().getMaxRequestsPerConnection().getValue());
    assertEquals(10, httpbin.getConnectTimeout().getSeconds());
    // Auto mTLS (no tls in the rule): Istio's two transport socket matches, mTLS with Istio's ALPN and SNI first.
    assertEquals(List.of("tlsMode-istio", "tlsMode-disabled"),
        httpbin.getTransportSocketMatchesList().stream().map(Cluster.TransportSocketMatch::getName).toList());
    var mtls = httpbin.getTransportSocketMatches(0).getTransportSocket().getTypedConfig()
        .unpack(io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext.class);
    assertEquals("outbound_.8000_._." + HTTPBIN.substring(HTTPBIN.lastIndexOf('|') + 1), mtls.getSni());
    assertEquals(List.of("istio-peer-exchange", "istio"), mtls.getCommonTlsContext().getAlpnProtocolsList());
    // §2.1: consecutive5xxErrors 1 enforced at 100, success rate off, interval 1s, base 3m, max 100%.
    OutlierDetection od = httpbin.getOutlierDetection();
    assertEquals(1, od.getConsecutive5Xx().getValue());
    assertEquals(100, od.getEnforcingConsecutive5Xx().getValue());
    assertEquals(0, od.getEnforcingSuccessRate().getValue());
    assertEquals(1, od.getInterval().getSeconds());
    assertEquals(180, od.getBaseEjectionTime().getSeconds());
    assertEquals(100, od.getMaxEjectionPercent().getValue());
    assertTrue(httpbin.getCommonLbConfig().hasHealthyPanicThreshold());
    assertEquals(0.0, httpbin.getCommonLbConfig().getHealthyPanicThreshold().getValue());
    // Endpoints: the one httpbin pod, HEALTHY, priority 0.
    var endpoints = config(dump, EndpointsConfigDump.class).getDynamicEndpointConfigsList().stream()
        .map(e -> unpack(e.getEndpointConfig(), ClusterLoadAssignment.class))
        .filter(c -> c.getClusterName().equals(HTTPBIN)).findFirst().orElseThrow();
    assertEquals(1, endpoints.getEndpoints(0).getLbEndpointsCount());
  }

  @Test
  void weightedClustersEqualTheVirtualServicesWeights() throws Exception {
    ConfigDump dump = dump("scenarios/out-of-order-apply.yaml", "12s", "to-reviews");
    Map<String, Integer> expected = new HashMap<>();
    JsonNode vs = new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class)
        .<JsonNode>readValues(Files.readString(Path.of("scenarios/changes/reviews-v2-vs-and-dr.yaml"))).next();
    for (JsonNode d : vs.path("spec").path("http").get(0).path("route")) {
      expected.put("outbound|9080|" + d.path("destination").path("subset").asText() + "|reviews.default.svc.cluster.local",
          d.path("weight").asInt());
    }
    Map<String, Integer> actual = new HashMap<>();
    for (var dr : config(dump, RoutesConfigDump.class).getDynamicRouteConfigsList()) {
      RouteConfiguration rc = dr.getRouteConfig().unpack(RouteConfiguration.class);
      assertEquals("9080", rc.getName());
      for (VirtualHost vh : rc.getVirtualHostsList()) {
        if (vh.getName().equals("reviews.default.svc.cluster.local:9080")) {
          for (WeightedCluster.ClusterWeight w : vh.getRoutes(0).getRoute().getWeightedClusters().getClustersList()) {
            actual.put(w.getName(), w.getWeight().getValue());
          }
          // Reference §3.1: Istio's default retry policy; no retriable 503 since 1.24.
          var retry = vh.getRoutes(0).getRoute().getRetryPolicy();
          assertEquals(2, retry.getNumRetries().getValue());
          assertEquals(5, retry.getHostSelectionRetryMaxAttempts());
          assertEquals("envoy.retry_host_predicates.previous_hosts", retry.getRetryHostPredicate(0).getName());
          assertEquals(0, retry.getRetriableStatusCodesCount());
        }
      }
    }
    assertEquals(expected, actual);
    assertEquals(2, expected.size());
    List<String> listeners = config(dump, ListenersConfigDump.class).getDynamicListenersList().stream()
        .map(ListenersConfigDump.DynamicListener::getName).toList();
    assertEquals(List.of("0.0.0.0_9080", "virtualOutbound", "virtualInbound"), listeners);
  }

  private static <T extends com.google.protobuf.Message> T unpack(Any any, Class<T> type) {
    try {
      return any.unpack(type);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void clustersCarryTheTransportSocketTheDestinationRuleGives() throws Exception {
    ConfigDump dump = dump("scenarios/troubles/09-mtls.yaml", "1s", "to-details");
    java.util.Map<String, Cluster> clusters = new java.util.TreeMap<>();
    for (var dc : config(dump, ClustersConfigDump.class).getDynamicActiveClustersList()) {
      Cluster c = dc.getCluster().unpack(Cluster.class);
      clusters.put(c.getName(), c);
    }
    Cluster details = clusters.get("outbound|9080||details.default.svc.cluster.local");
    var tls = details.getTransportSocket().getTypedConfig()
        .unpack(io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext.class);
    assertEquals("outbound_.9080_._.details.default.svc.cluster.local", tls.getSni(), "*.local says ISTIO_MUTUAL");
    assertEquals(0, details.getTransportSocketMatchesCount());
    Cluster reviews = clusters.get("outbound|9080||reviews.default.svc.cluster.local");
    assertTrue(!reviews.hasTransportSocket() && reviews.getTransportSocketMatchesCount() == 0,
        "no tls with auto mTLS off: plaintext");
  }

  /** The filter chains of {@code pod}'s virtualInbound listener, as name=transport_protocol[:port]. */
  private List<String> inboundChains(String scenario, String pod) throws Exception {
    List<String> out = new java.util.ArrayList<>();
    for (var dl : config(dump(scenario, "1s", pod), io.envoyproxy.envoy.admin.v3.ListenersConfigDump.class)
        .getDynamicListenersList()) {
      Listener l = dl.getActiveState().getListener().unpack(Listener.class);
      if (l.getName().equals("virtualInbound")) {
        l.getFilterChainsList().forEach(c -> out.add(c.getName() + "=" + c.getFilterChainMatch().getTransportProtocol()
            + (c.getFilterChainMatch().hasDestinationPort() ? ":" + c.getFilterChainMatch().getDestinationPort().getValue()
                : "")));
      }
    }
    return out;
  }

  @Test
  void theInboundListenersChainsFollowThePeerAuthentication() throws Exception {
    assertEquals(List.of("virtualInbound-mtls=tls"), inboundChains("scenarios/troubles/09-mtls.yaml", "reviews-v1-0"),
        "STRICT: no chain for plaintext");
    assertEquals(List.of("virtualInbound-mtls=tls", "virtualInbound-plaintext=raw_buffer"),
        inboundChains("scenarios/troubles/09-mtls-fix.yaml", "ratings-v1-0"), "PERMISSIVE: both");
    assertEquals(List.of("virtualInbound-8080-plaintext=raw_buffer:8080", "virtualInbound-mtls=tls"),
        inboundChains("src/test/resources/scenarios/mtls/port-level.yaml", "echo-v1-0"), "port-level DISABLE first");
  }
}

package dev.meshsim.inspect;

import dev.meshsim.inspect.snapshot.Snapshot;
import dev.meshsim.inspect.snapshot.Snapshot.ClusterState;
import dev.meshsim.inspect.snapshot.Snapshot.HostState;
import dev.meshsim.inspect.snapshot.Snapshot.Proxy;
import dev.meshsim.inspect.snapshot.Snapshot.RouteState;
import dev.meshsim.inspect.snapshot.Snapshot.VirtualHostState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The tables of {@code istioctl proxy-config} (istioctl/pkg/writer/envoy/configdump and
 * .../clusters), over one proxy of a snapshot, with their filters ({@code --fqdn}, {@code
 * --cluster}).
 */
public final class ProxyConfigView {
  private ProxyConfigView() {}

  /**
   * {@code proxy-config clusters}: SERVICE FQDN, PORT, SUBSET, DIRECTION, TYPE, DESTINATION RULE,
   * sorted by FQDN, subset, port; only active clusters (warming ones are not listed, as Envoy's
   * dynamic_active_clusters).
   */
  public static String clusters(Proxy proxy, String fqdn) {
    TextTable t = new TextTable("SERVICE FQDN", "PORT", "SUBSET", "DIRECTION", "TYPE", "DESTINATION RULE");
    List<String[]> rows = new ArrayList<>();
    boolean passthrough = false;
    boolean blackHole = false;
    for (ClusterState c : filtered(proxy, fqdn)) {
      String[] key = c.name().split("\\|", -1); // outbound|port|subset|fqdn
      if (key.length != 4) {
        blackHole |= c.name().equals("BlackHoleCluster");
        passthrough |= !c.name().equals("BlackHoleCluster"); // meshsim's PassthroughCluster|host:port, one Envoy cluster
        continue;
      }
      // istiod pairs CLUSTER_PROVIDED with ORIGINAL_DST (a ServiceEntry with resolution NONE).
      String type = c.lbPolicy().equals("CLUSTER_PROVIDED") ? "ORIGINAL_DST" : "EDS";
      rows.add(new String[] {key[3], key[1], key[2].isEmpty() ? "-" : key[2], key[0], type,
          c.destinationRule() == null ? "" : c.destinationRule()});
    }
    rows.sort(Comparator.<String[], String>comparing(r -> r[0]).thenComparing(r -> r[2].equals("-") ? "" : r[2])
        .thenComparingInt(r -> Integer.parseInt(r[1])));
    if (blackHole) {
      rows.add(new String[] {"BlackHoleCluster", "-", "-", "-", "STATIC", ""}); // as istioctl lists it
    }
    if (passthrough) {
      rows.add(new String[] {"PassthroughCluster", "-", "-", "-", "ORIGINAL_DST", ""}); // as istioctl lists it
    }
    rows.forEach(r -> t.add((Object[]) r));
    return t.render();
  }

  static List<ClusterState> filtered(Proxy proxy, String fqdn) {
    return proxy.clusters().stream().filter(c -> fqdn == null || c.name().contains(fqdn)).toList();
  }

  /**
   * {@code proxy-config endpoints}: ENDPOINT, STATUS, OUTLIER CHECK, CLUSTER, sorted by address,
   * then cluster. Every endpoint istiod sends is ready, so STATUS is HEALTHY; an ejected host stays
   * HEALTHY with OUTLIER CHECK FAILED, as Envoy reports it.
   */
  public static String endpoints(Proxy proxy, String cluster) {
    record Row(String address, String status, String outlier, String cluster) {}
    List<Row> rows = new ArrayList<>();
    for (ClusterState c : proxy.clusters()) {
      if (cluster != null && !c.name().equalsIgnoreCase(cluster)) {
        continue;
      }
      for (HostState h : c.hosts()) {
        rows.add(new Row(h.address(), "HEALTHY", h.failedOutlierCheck() ? "FAILED" : "OK", c.name()));
      }
    }
    rows.sort(Comparator.comparing(Row::address).thenComparing(Row::cluster));
    TextTable t = new TextTable("ENDPOINT", "STATUS", "OUTLIER CHECK", "CLUSTER");
    rows.forEach(r -> t.add(r.address(), r.status(), r.outlier(), r.cluster()));
    return t.render();
  }

  /**
   * {@code proxy-config routes}: NAME, VHOST NAME, DOMAINS, MATCH, VIRTUAL SERVICE, one line per
   * Envoy route. DOMAINS shows the shortest domain, as istioctl does; VIRTUAL SERVICE is {@code
   * name.namespace} of the VirtualService behind the route, empty for Istio's default route.
   */
  public static String routes(Proxy proxy) {
    TextTable t = new TextTable("NAME", "VHOST NAME", "DOMAINS", "MATCH", "VIRTUAL SERVICE");
    for (VirtualHostState vh : proxy.routes()) {
      for (RouteState r : vh.routes()) {
        t.add(vh.routeConfig(), vh.name(), shortest(vh.domains()), r.match(),
            vh.virtualService() == null ? "" : vh.virtualService());
      }
    }
    return t.render();
  }

  private static String shortest(List<String> domains) {
    return domains.stream().min(Comparator.comparingInt(String::length).thenComparing(s -> s)).orElse("");
  }

  /**
   * {@code proxy-config listeners}: ADDRESSES, PORT, MATCH, DESTINATION. The virtual outbound
   * (15001) and inbound (15006) listeners, an outbound HTTP listener per HTTP service port, whose
   * routes come from the route table named by the port (seed 003), and a {@code tcp_proxy} per
   * TCP or TLS host and port.
   */
  public static String listeners(Proxy proxy) {
    TextTable t = new TextTable("ADDRESSES", "PORT", "MATCH", "DESTINATION");
    if (!proxy.listening()) {
      return t.render();
    }
    for (String port : ports(proxy)) {
      t.add("0.0.0.0", port, "Trans: raw_buffer; App: http/1.1,h2c", "Route: " + port);
      t.add("0.0.0.0", port, "ALL", "PassthroughCluster");
    }
    // A TCP or TLS port's listener is a tcp_proxy: what seed 001 says to look for (the filter type
    // in the port's LDS). Envoy's address is the Service's cluster IP; meshsim shows the host.
    for (Snapshot.TcpListenerState tcp : proxy.tcpListeners()) {
      String destination = tcp.clusters().size() == 1 ? "Cluster: " + tcp.clusters().get(0).name()
          : "WeightedClusters: " + tcp.clusters().stream().map(c -> c.name() + " " + c.weight())
              .collect(java.util.stream.Collectors.joining(", "));
      t.add(tcp.host(), tcp.port(), "ALL", destination);
    }
    t.add("0.0.0.0", "15001", "ALL", "PassthroughCluster");
    t.add("0.0.0.0", "15006", "ALL", "Inline Route: /*");
    return t.render();
  }

  /** The outbound HTTP ports the proxy has route tables for, in numeric order. */
  static List<String> ports(Proxy proxy) {
    TreeSet<Integer> ports = new TreeSet<>();
    proxy.routes().forEach(vh -> ports.add(Integer.parseInt(vh.routeConfig())));
    return ports.stream().map(String::valueOf).toList();
  }
}

package dev.meshsim.istio;

import java.util.List;
import java.util.Map;

/**
 * A {@code networking.istio.io} Gateway: which gateway pods ({@code selector}) listen on which
 * ports for which hosts ({@code servers}).
 *
 * @param meta name, namespace, read order
 * @param selector {@code spec.selector}: the labels of the gateway pods it configures
 * @param servers {@code spec.servers}, in order
 */
public record Gateway(ObjectMeta meta, Map<String, String> selector, List<Server> servers) {

  public Gateway {
    selector = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(selector));
    servers = List.copyOf(servers);
  }

  /**
   * One server: {@code port.number}, {@code port.protocol} (upper-cased) and {@code hosts}, each
   * {@code [namespace/]host}, the host possibly {@code *} or {@code *.suffix}.
   */
  public record Server(int port, String protocol, List<String> hosts) {
    public Server {
      hosts = List.copyOf(hosts);
    }
  }

  /** The name a VirtualService's {@code gateways} uses for it: {@code namespace/name}. */
  public String qualifiedName() {
    return meta.namespace() + "/" + meta.name();
  }
}

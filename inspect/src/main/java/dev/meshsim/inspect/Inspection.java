package dev.meshsim.inspect;

import dev.meshsim.inspect.snapshot.InspectException;
import dev.meshsim.inspect.snapshot.Snapshot;
import dev.meshsim.inspect.snapshot.Snapshot.Proxy;
import dev.meshsim.inspect.envoy.ConfigDumpCompare;
import dev.meshsim.inspect.envoy.ConfigDumps;
import dev.meshsim.inspect.envoy.EnvoyJson;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * One question asked of one snapshot, as the user types it after the directory: {@code
 * proxy-status}, {@code proxy-config TYPE POD}, {@code admin POD PATH}. Answers with the text to
 * print; bad questions are {@link InspectException}s naming what would have been right.
 */
public final class Inspection {
  private static final List<String> CONFIG_TYPES = List.of("listeners", "routes", "clusters", "endpoints");

  /** {@code --fqdn}, {@code --cluster} and {@code -o} as given, or null. */
  public record Filters(String fqdn, String cluster, String output) {}

  private final Snapshot snapshot;

  public Inspection(Snapshot snapshot) {
    this.snapshot = snapshot;
  }

  /** Loads the snapshot of instant {@code at} (or the only one) from {@code dir}. */
  public static Inspection open(Path dir, String at) {
    SnapshotStore.Index index = SnapshotStore.readIndex(dir);
    return new Inspection(SnapshotStore.read(dir, index, SnapshotStore.select(index, at, dir)));
  }

  public Snapshot snapshot() {
    return snapshot;
  }

  /** Answers {@code words} (the view and its arguments). */
  public String answer(List<String> words, Filters filters) {
    if (words.isEmpty()) {
      throw new InspectException("what to show? proxy-status, proxy-config TYPE POD, admin POD PATH, config-dump POD,"
          + " compare POD REAL.json");
    }
    String view = words.get(0);
    return switch (view) {
      case "proxy-status" -> ProxyStatusView.render(snapshot);
      case "proxy-config" -> proxyConfig(words, filters);
      case "admin" -> admin(words);
      case "config-dump" -> configDump(words);
      case "compare" -> compare(words);
      default -> throw new InspectException("unknown view '" + view + "'" + Names.didYouMean(view,
          List.of("proxy-status", "proxy-config", "admin", "config-dump", "compare")));
    };
  }

  private String proxyConfig(List<String> words, Filters f) {
    if (words.size() != 3) {
      throw new InspectException("usage: proxy-config listeners|routes|clusters|endpoints POD");
    }
    String type = words.get(1);
    Proxy proxy = proxy(words.get(2));
    boolean json = "json".equals(f.output());
    if (f.output() != null && !json && !"short".equals(f.output())) {
      throw new InspectException("-o " + f.output() + ": expected json or short");
    }
    return switch (type) {
      case "clusters" -> json ? EnvoyJson.clusters(ProxyConfigView.filtered(proxy, f.fqdn()))
          : ProxyConfigView.clusters(proxy, f.fqdn());
      case "endpoints" -> json ? EnvoyJson.endpoints(proxy.clusters().stream()
          .filter(c -> f.cluster() == null || c.name().equalsIgnoreCase(f.cluster())).toList())
          : ProxyConfigView.endpoints(proxy, f.cluster());
      case "routes" -> json ? EnvoyJson.routes(proxy) : ProxyConfigView.routes(proxy);
      case "listeners" -> json ? EnvoyJson.listeners(proxy) : ProxyConfigView.listeners(proxy);
      default -> throw new InspectException("proxy-config " + type + ": unknown type" + Names.didYouMean(type,
          CONFIG_TYPES));
    };
  }

  private String admin(List<String> words) {
    if (words.size() != 3) {
      throw new InspectException("usage: admin POD /clusters|/stats");
    }
    Proxy proxy = proxy(words.get(1));
    return switch (words.get(2)) {
      case "/clusters" -> AdminView.clusters(proxy);
      case "/stats" -> AdminView.stats(proxy);
      default -> throw new InspectException("admin " + words.get(2) + ": meshsim answers " + AdminView.PATHS
          + Names.didYouMean(words.get(2), AdminView.PATHS));
    };
  }

  private String configDump(List<String> words) {
    if (words.size() != 2) {
      throw new InspectException("usage: config-dump POD");
    }
    return ConfigDumps.toJson(ConfigDumps.of(snapshot, proxy(words.get(1))));
  }

  private String compare(List<String> words) {
    if (words.size() != 3) {
      throw new InspectException("usage: compare POD REAL-CONFIG-DUMP.json");
    }
    Proxy proxy = proxy(words.get(1));
    Path file = Path.of(words.get(2));
    String text = SnapshotStore.readGuarded(file); // a FIFO or /dev/zero is refused, not read
    return ConfigDumpCompare.compare(snapshot, proxy, text, file.toString()).render();
  }

  /** The proxy of pod {@code name} (or {@code pod.namespace}), else an error naming the nearest. */
  public Proxy proxy(String name) {
    for (Proxy p : snapshot.proxies()) {
      if (p.pod().equals(name) || p.name().equals(name)) {
        return p;
      }
    }
    List<String> pods = snapshot.proxies().stream().map(Proxy::pod).sorted(Comparator.naturalOrder()).toList();
    throw new InspectException("no proxy for pod '" + name + "' at " + dev.meshsim.scenario.Durations.format(
        snapshot.atNanos()) + Names.didYouMean(name, pods) + " (" + pods.size() + " proxies; `proxy-status` lists them)");
  }

}

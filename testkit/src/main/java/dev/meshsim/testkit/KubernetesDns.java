package dev.meshsim.testkit;

import java.util.Locale;

/**
 * The name a pod reaches with a host, following the Kubernetes DNS search path {@code
 * <ns>.svc.cluster.local svc.cluster.local cluster.local} (kubernetes.io, "DNS for Services and
 * Pods"): {@code name}, {@code name.ns}, {@code name.ns.svc} and the FQDN all reach a Service; other
 * names are taken as written. The scenario loader resolves load and call targets the same way.
 */
final class KubernetesDns {
  private KubernetesDns() {}

  static String fqdn(String host, String namespace) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      return h.substring(0, h.length() - 1);
    }
    int dots = 0;
    for (int i = 0; i < h.length(); i++) {
      dots += h.charAt(i) == '.' ? 1 : 0;
    }
    if (dots == 0) {
      return h + "." + namespace + ".svc.cluster.local";
    }
    if (dots == 1) {
      return h + ".svc.cluster.local";
    }
    if (dots == 2 && h.endsWith(".svc")) {
      return h + ".cluster.local";
    }
    return h;
  }
}

package dev.meshsim.inspect;

import dev.meshsim.inspect.snapshot.Snapshot;
import dev.meshsim.inspect.snapshot.Snapshot.Proxy;
import dev.meshsim.inspect.snapshot.Snapshot.TypeSync;

/**
 * {@code istioctl proxy-status} (istioctl/pkg/writer/pilot/status.go): NAME, CLUSTER, CDS, LDS,
 * EDS, RDS, ISTIOD, VERSION; a type is {@code NOT SENT} when istiod never sent it, {@code SYNCED}
 * when the proxy applied what istiod last sent, else {@code STALE}. istioctl compares nonces and
 * so cannot say by how much; meshsim knows the versions and adds them, {@code STALE (applied 3,
 * sent 4)}.
 */
public final class ProxyStatusView {
  /** The Kubernetes cluster ID istiod reports by default. */
  static final String CLUSTER_ID = "Kubernetes";
  static final String ISTIOD = "istiod";

  private ProxyStatusView() {}

  public static String render(Snapshot snapshot) {
    TextTable t = new TextTable("NAME", "CLUSTER", "CDS", "LDS", "EDS", "RDS", "ISTIOD", "VERSION");
    for (Proxy p : snapshot.proxies()) {
      t.add(p.name(), CLUSTER_ID, status(p.sync("CDS")), status(p.sync("LDS")), status(p.sync("EDS")),
          status(p.sync("RDS")), ISTIOD, snapshot.istioVersion());
    }
    return t.render();
  }

  /** One column's word for one type. */
  public static String status(TypeSync s) {
    if (s.sent() < 0) {
      return "NOT SENT";
    }
    if (s.applied() == s.sent()) {
      return "SYNCED";
    }
    if (s.applied() < 0) {
      return "STALE (Never Acknowledged)";
    }
    return "STALE (applied " + s.applied() + ", sent " + s.sent() + ")";
  }
}

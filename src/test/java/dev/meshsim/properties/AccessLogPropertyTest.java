package dev.meshsim.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.mesh.MeshSimulation;
import dev.meshsim.result.ProxyLogEntry;
import dev.meshsim.result.ProxyLogListener;
import dev.meshsim.result.RunResult;
import dev.meshsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Over generated meshes: the two sides of a request are one connection seen from both ends. Every
 * upstream answer a client sidecar logs has the server sidecar's inbound entry with the same
 * request id, whose downstream remote address is the client's upstream local address and whose
 * downstream local address is the client's upstream host; and every inbound entry reached through
 * a client sidecar has that sidecar's outbound entry.
 */
class AccessLogPropertyTest {
  @Property(tries = 15)
  void bothSidesOfARequest_shareItsIdAndTheirConnection(@ForAll("meshes") Scenario scenario) {
    List<ProxyLogEntry> entries = new ArrayList<>();
    MeshSimulation simulation = new MeshSimulation(scenario);
    simulation.observeAccessLog(new ProxyLogListener() {
      @Override
      public boolean wants(long requestId) {
        return true;
      }

      @Override
      public void logged(ProxyLogEntry entry) {
        entries.add(entry);
      }
    });
    RunResult result = simulation.run();
    List<ProxyLogEntry> outbound = entries.stream().filter(e -> !e.inbound()).toList();
    List<ProxyLogEntry> inbound = entries.stream().filter(ProxyLogEntry::inbound).toList();
    for (ProxyLogEntry out : outbound) {
      assertTrue(out.upstreamCluster() == null || out.upstreamCluster().startsWith("outbound|"), out.toString());
      boolean answeredByApp = out.flags().equals("-") && out.code() != 0 && out.upstreamLocalAddress() != null;
      if (answeredByApp && !scenario.mesh().sidecarEnabled()) {
        continue;
      }
      if (answeredByApp) {
        assertTrue(inbound.stream().anyMatch(in -> in.requestId() == out.requestId()
            && Objects.equals(in.downstreamRemoteAddress(), out.upstreamLocalAddress())
            && Objects.equals(in.downstreamLocalAddress(), out.upstreamHost())
            && in.code() == out.code()), "the server side of " + out);
      }
    }
    if (result.unfinished() == 0) {
      for (ProxyLogEntry in : inbound) {
        if (in.requestedServerName() != null) {
          assertTrue(outbound.stream().anyMatch(out -> out.requestId() == in.requestId()
              && Objects.equals(out.upstreamLocalAddress(), in.downstreamRemoteAddress())),
              "the client side of " + in);
        }
      }
    }
    assertEquals(entries.size(), outbound.size() + inbound.size());
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Scenario> meshes() {
    return MeshArbitraries.scenarios();
  }
}

package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A VirtualService {@code redirect} or {@code directResponse} is answered by the client's sidecar
 * with its code and no flag (Envoy's router local reply), not {@code 404 NR}, and never loads the
 * upstream; a fault on the route runs first.
 */
class DirectReplyTest {
  private static final String CLUSTER = "outbound|9080||ratings.default.svc.cluster.local";

  @Test
  void theClientSidecarAnswersRedirectsAndDirectResponsesItself() {
    RunResult r = Scenarios.run(Scenarios.load("src/test/resources/scenarios/direct-replies/direct-replies.yaml"));
    TrafficStats moved = r.loads().get("old-path");
    TrafficStats maintenance = r.loads().get("maintenance");
    TrafficStats normal = r.loads().get("normal");
    assertTrue(moved.requests() > 100 && maintenance.requests() > 100, moved.requests() + " " + maintenance.requests());
    assertEquals(Map.of(308, moved.requests()), moved.codes());
    assertEquals(Map.of("-", moved.requests()), moved.flags(), "a redirect is no failure of Envoy's");
    assertEquals(Map.of(), moved.clusters(), "no cluster chosen");
    assertEquals(Map.of(503, maintenance.requests()), maintenance.codes());
    assertEquals(Map.of("-", maintenance.requests()), maintenance.flags());
    assertEquals(Map.of(200, normal.requests()), normal.codes());
    assertEquals(normal.requests(), r.clusterStats().get(CLUSTER).counter("upstream_rq_total"),
        "only the forwarded requests reach ratings");
    assertTrue(moved.latency().getValueAtPercentile(99) < normal.latency().getValueAtPercentile(50),
        "a local reply costs the sidecar passes only, no network or service time");
  }

  @Test
  void aFaultDelayRunsBeforeTheDirectResponse() {
    RunResult r = Scenarios.run(Scenarios.load("src/test/resources/scenarios/direct-replies/direct-replies.yaml"));
    TrafficStats teapot = r.loads().get("slow-teapot");
    assertEquals(Map.of(418, teapot.requests()), teapot.codes());
    assertEquals(Map.of("DI", teapot.requests()), teapot.flags());
    assertTrue(teapot.latency().getMinValue() >= 200_000_000L);
  }
}

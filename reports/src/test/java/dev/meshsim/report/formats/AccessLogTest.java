package dev.meshsim.report.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshsim.report.AllOutputs;
import dev.meshsim.report.Runs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The access log parsed field by field as Istio's default TEXT format lays it out (the operators of
 * {@code EnvoyTextLogFormat}, one per capture group), and its lines counted against the report.
 */
class AccessLogTest {
  /** START_TIME, METHOD, PATH, PROTOCOL, CODE, FLAGS, DETAILS, TERMINATION, TRANSPORT_FAILURE, BYTES_RECEIVED,
   * BYTES_SENT, DURATION, UPSTREAM_SERVICE_TIME, XFF, USER_AGENT, REQUEST_ID, AUTHORITY, UPSTREAM_HOST,
   * UPSTREAM_CLUSTER_RAW, UPSTREAM_LOCAL, DOWNSTREAM_LOCAL, DOWNSTREAM_REMOTE, SNI, ROUTE_NAME. */
  static final Pattern LINE = Pattern.compile("\\[(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z)] "
      + "\"(\\S+) (\\S+) (HTTP/1\\.1)\" (\\d{1,3}) (\\S+) (\\S+) (\\S+) \"([^\"]*)\" (\\d+) (\\d+) (\\d+) (\\d+|-) "
      + "\"([^\"]*)\" \"([^\"]*)\" \"([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})\" "
      + "\"([^\"]*)\" \"([^\"]*)\" (\\S+) (\\S+) (\\S+) (\\S+) (\\S+) (\\S+)");

  @Test
  void everyRequest_isOneOutboundLine_inIstiosFormat_andTheCodesAreTheReports() throws Exception {
    AllOutputs.Rendered r = FormatsFixture.circuitBreaking();
    JsonNode report = FormatsFixture.json(r);
    String[] lines = r.files().get("access.log").split("\n");
    TreeMap<String, Long> codes = new TreeMap<>();
    long outbound = 0;
    for (String line : lines) {
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        fail("not Istio's format: " + line);
      }
      if (m.group(19).startsWith("inbound|")) {
        assertEquals("inbound|8000||", m.group(19), "httpbin's port: " + line);
        continue;
      }
      outbound++;
      codes.merge(m.group(5), 1L, Long::sum);
      if (m.group(6).contains("UO")) {
        // The seeds' habit: grep UO, read the cluster.
        assertEquals("outbound|8000||httpbin.default.svc.cluster.local", m.group(19));
        assertEquals("-", m.group(13), "a local reply has no upstream service time");
        assertEquals("503", m.group(5));
      } else {
        assertEquals("via_upstream", m.group(7));
        assertTrue(m.group(18).matches("\\d+\\.\\d+\\.\\d+\\.\\d+:8000"), "upstream host ip:port");
      }
      assertEquals("httpbin:8000", m.group(17));
    }
    assertEquals(report.path("requests").asLong(), outbound, "one client-side line per request at rate 1");
    assertEquals(asMap(report.path("codes")), codes);
  }

  @Test
  void sampling_keepsAboutTheRate_andTheSameLinesForTheSameSeed() throws Exception {
    var scenario = Runs.scenario("out-of-order-apply", 10);
    String all = AllOutputs.of(scenario, 1).files().get("access.log");
    String tenth = AllOutputs.of(scenario, 0.1).files().get("access.log");
    Map<String, List<String>> byId = byRequestId(all);
    Map<String, List<String>> keptById = byRequestId(tenth);
    long n = byId.size();
    assertTrue(n > 2000, "enough requests to sample: " + n);
    double sd = Math.sqrt(n * 0.1 * 0.9);
    assertEquals(n * 0.1, keptById.size(), 4 * sd, "binomial(requests, 0.1) within 4 sd");
    keptById.forEach((id, lines) -> assertEquals(byId.get(id), lines, "a kept request keeps all its lines: " + id));
    assertEquals(tenth, AllOutputs.of(scenario, 0.1).files().get("access.log"));
  }

  /**
   * Envoy leaves the upstream cluster info of a stream whose route names a missing cluster null
   * (conn_manager_impl.cc, refreshCachedRoute): {@code %UPSTREAM_CLUSTER%} is {@code -}.
   */
  @Test
  void outOfOrderApply_logsNoClusterFound_withNoUpstreamCluster() throws Exception {
    String log = FormatsFixture.outOfOrderApply().files().get("access.log");
    String nc = log.lines().filter(l -> l.contains(" 503 NC ")).findFirst().orElseThrow();
    Matcher m = LINE.matcher(nc);
    assertTrue(m.matches(), nc);
    assertEquals("cluster_not_found", m.group(7));
    assertEquals("-", m.group(19), "no upstream cluster: " + nc);
    assertEquals("-", m.group(18), "no upstream host");
  }

  /** Lines by their x-request-id, in log order. */
  static Map<String, List<String>> byRequestId(String log) {
    Map<String, List<String>> m = new TreeMap<>();
    log.lines().forEach(l -> {
      Matcher x = LINE.matcher(l);
      assertTrue(x.matches(), l);
      m.computeIfAbsent(x.group(16), k -> new ArrayList<>()).add(l);
    });
    return m;
  }

  private static Map<String, Long> asMap(JsonNode node) {
    TreeMap<String, Long> m = new TreeMap<>();
    node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
    return m;
  }
}

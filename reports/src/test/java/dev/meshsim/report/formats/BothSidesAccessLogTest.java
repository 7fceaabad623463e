package dev.meshsim.report.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshsim.report.Runs;
import dev.meshsim.report.accesslog.AccessLogWriter;
import dev.meshsim.scenario.Scenario;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * Seed 001 §3's method on simulated traffic: the client sidecar's outbound line and the server
 * sidecar's inbound line of one request share its {@code x-request-id}, and their addresses are one
 * connection seen from both ends (client's UPSTREAM_LOCAL_ADDRESS = server's
 * DOWNSTREAM_REMOTE_ADDRESS, client's UPSTREAM_HOST = server's DOWNSTREAM_LOCAL_ADDRESS).
 */
class BothSidesAccessLogTest {
  /** The keys of Istio's {@code EnvoyJSONLogFormatIstio} (istio pilot/pkg/model/telemetry_logging.go). */
  private static final Set<String> ISTIO_JSON_KEYS = new TreeSet<>(List.of("start_time", "route_name", "method",
      "path", "protocol", "response_code", "response_flags", "response_code_details",
      "connection_termination_details", "bytes_received", "bytes_sent", "duration", "upstream_service_time",
      "x_forwarded_for", "user_agent", "request_id", "authority", "upstream_host", "upstream_cluster",
      "upstream_local_address", "downstream_local_address", "downstream_remote_address", "requested_server_name",
      "upstream_transport_failure_reason"));

  static String log(Scenario scenario, AccessLogWriter.Encoding encoding) {
    StringWriter out = new StringWriter();
    Runs.run(scenario, new AccessLogWriter(out, 1, scenario.seed(), encoding));
    return out.toString();
  }

  private static Scenario interruption() throws Exception {
    return Runs.scenario("troubles/03-request-interruption", 2);
  }

  @Test
  void theServerSidecarSetsUF_andBothLinesAreOneConnection() throws Exception {
    Map<String, List<String>> byId = AccessLogTest.byRequestId(log(interruption(), AccessLogWriter.Encoding.TEXT));
    int pairs = 0;
    for (List<String> lines : byId.values()) {
      Matcher client = null;
      Matcher server = null;
      for (String line : lines) {
        Matcher m = AccessLogTest.LINE.matcher(line);
        assertTrue(m.matches(), line);
        if (m.group(19).equals("outbound|9080||legacy.default.svc.cluster.local")) {
          client = m;
        } else if (m.group(19).startsWith("inbound|") && m.group(17).equals("legacy:9080")) {
          server = m;
        }
      }
      if (client == null) {
        continue;
      }
      pairs++;
      assertTrue(server != null, "the server side logged it too: " + lines);
      assertEquals("503", client.group(5));
      assertEquals("-", client.group(6), "the client only relays the 503");
      assertEquals("via_upstream", client.group(7));
      assertEquals("UF,URX", server.group(6), "the server sidecar could not connect to its app, retried twice");
      assertEquals("upstream_reset_before_response_started{connection_failure}", server.group(7));
      assertEquals("inbound|9080||", server.group(19));
      assertEquals(client.group(18), server.group(21), "client's UPSTREAM_HOST = server's DOWNSTREAM_LOCAL");
      assertEquals(client.group(20), server.group(22), "client's UPSTREAM_LOCAL = server's DOWNSTREAM_REMOTE");
      assertEquals(server.group(18), server.group(21), "Istio 1.10 on: the app at the pod IP and target port");
      assertEquals("-", server.group(20), "no connection to the app, no local address");
      assertEquals("outbound_.9080_._.legacy.default.svc.cluster.local", server.group(23));
      String clientIp = client.group(20).split(":")[0];
      assertEquals(clientIp, client.group(22).split(":")[0], "the app's connection to its own sidecar");
      assertTrue(client.group(21).matches("10\\.96\\.\\d+\\.\\d+:9080"), "the Service's ClusterIP: " + client.group(21));
      assertTrue(client.group(18).matches("10\\.244\\.\\d+\\.\\d+:9080"), "a pod IP of the node CIDR");
      int port = Integer.parseInt(client.group(20).split(":")[1]);
      assertTrue(port >= 32768 && port <= 60999, "Linux's ephemeral range: " + port);
    }
    assertTrue(pairs > 20, "legacy's requests: " + pairs);
  }

  @Test
  void jsonLines_parse_withIstiosKeys_andSayWhatTheTextLinesSay() throws Exception {
    String text = log(interruption(), AccessLogWriter.Encoding.TEXT);
    String json = log(interruption(), AccessLogWriter.Encoding.JSON);
    ObjectMapper mapper = new ObjectMapper();
    Iterator<String> t = text.lines().iterator();
    long n = 0;
    for (String line : json.lines().toList()) {
      JsonNode o = mapper.readTree(line);
      Set<String> keys = new TreeSet<>();
      o.fieldNames().forEachRemaining(keys::add);
      assertEquals(ISTIO_JSON_KEYS, keys);
      Matcher m = AccessLogTest.LINE.matcher(t.next());
      assertTrue(m.matches());
      assertEquals(m.group(1), o.get("start_time").asText());
      assertEquals(Integer.parseInt(m.group(5)), o.get("response_code").intValue());
      assertTrue(o.get("response_code").isInt() && o.get("duration").isNumber(), "numbers as Envoy types them");
      assertEquals(m.group(6), o.get("response_flags").asText());
      assertEquals(m.group(16), o.get("request_id").asText());
      assertEquals(m.group(19), asText(o, "upstream_cluster"));
      assertEquals(m.group(18), asText(o, "upstream_host"));
      assertEquals(m.group(22), asText(o, "downstream_remote_address"));
      assertEquals(m.group(20).equals("-"), o.get("upstream_local_address").isNull(), "empty is null");
      n++;
    }
    assertEquals(text.lines().count(), n);
  }

  /**
   * Troubles seed 01: a port named {@code tcp} sends HTTP through {@code tcp_proxy}. Its JSON entries
   * are TCP sessions as Istio's JSON format prints them: every HTTP operator null, code 0, exactly
   * the entries whose TEXT line is {@code "- - -" 0}.
   */
  @Test
  void tcpSessions_inJson_haveNoRequestLine_likeTheirTextLines() throws Exception {
    Scenario portNaming = Runs.scenario("troubles/01-port-naming", 1);
    List<String> text = log(portNaming, AccessLogWriter.Encoding.TEXT).lines().toList();
    List<String> json = log(portNaming, AccessLogWriter.Encoding.JSON).lines().toList();
    assertEquals(text.size(), json.size());
    ObjectMapper mapper = new ObjectMapper();
    int tcp = 0;
    for (int i = 0; i < text.size(); i++) {
      JsonNode o = mapper.readTree(json.get(i));
      boolean tcpLine = text.get(i).contains("] \"- - -\" 0 ");
      if (!tcpLine) {
        assertTrue(o.get("method").isTextual(), json.get(i));
        continue;
      }
      tcp++;
      for (String key : List.of("method", "path", "protocol", "request_id", "authority", "user_agent",
          "response_code_details", "route_name", "upstream_service_time")) {
        assertTrue(o.get(key).isNull(), key + " of a TCP session: " + json.get(i));
      }
      assertEquals(0, o.get("response_code").intValue(), json.get(i));
      assertTrue(o.get("upstream_cluster").isTextual(), "a TCP session has its cluster: " + json.get(i));
    }
    assertTrue(tcp > 20, "TCP sessions logged: " + tcp);
  }

  /** A JSON value as the TEXT line prints it: null is {@code -}. */
  private static String asText(JsonNode o, String key) {
    return o.get(key).isNull() ? "-" : o.get(key).asText();
  }

  @Test
  void theSameRun_writesTheSameBytes_inBothEncodings() throws Exception {
    for (AccessLogWriter.Encoding e : AccessLogWriter.Encoding.values()) {
      assertEquals(log(interruption(), e), log(interruption(), e), e.name());
    }
    assertNotEquals(log(interruption(), AccessLogWriter.Encoding.TEXT),
        log(interruption().withSeed(2), AccessLogWriter.Encoding.TEXT), "another seed, other ids");
  }

  @Test
  void anAppThatPropagatesTheRequestId_carriesItToItsCalls_elseTheNextSidecarMakesOne() throws Exception {
    assertEquals(1.0, sharedIdShare("bookinfo/scenario-fault-injection-page"), 1e-9,
        "productpage propagates x-request-id: every call of a page has the page's id");
    assertEquals(0.0, sharedIdShare("troubles/08-tracing-not-transparent"), 1e-9,
        "productpage copies end-user only: its calls get new ids");
  }

  /**
   * Of productpage's calls (the outbound lines to details and reviews: no other app calls them),
   * the share that carries the id of a request productpage served.
   */
  private static double sharedIdShare(String scenario) throws Exception {
    Set<String> servedIds = new TreeSet<>();
    List<String> callIds = new ArrayList<>();
    for (String l : log(Runs.scenario(scenario, 10), AccessLogWriter.Encoding.TEXT).lines().toList()) {
      Matcher m = AccessLogTest.LINE.matcher(l);
      assertTrue(m.matches(), l);
      boolean inbound = m.group(19).startsWith("inbound|");
      if (inbound && m.group(17).startsWith("productpage")) {
        servedIds.add(m.group(16));
      } else if (!inbound && (m.group(17).startsWith("reviews") || m.group(17).startsWith("details"))) {
        callIds.add(m.group(16));
      }
    }
    assertTrue(callIds.size() > 50, "productpage's calls: " + callIds.size());
    return (double) callIds.stream().filter(servedIds::contains).count() / callIds.size();
  }
}

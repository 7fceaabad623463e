package dev.meshsim.report.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshsim.report.AllOutputs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The exposition text parsed by a strict reader of the text format (version 0.0.4: metric and label
 * name grammar, escaped label values, {@code # HELP}/{@code # TYPE} before a family's samples, each
 * family's lines together, histogram buckets cumulative up to {@code +Inf} = {@code _count}), and its
 * numbers compared with the JSON report's.
 */
class PrometheusTextTest {
  private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
  private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)})? (-?[0-9.eE+-]+|\\+Inf|NaN)");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"");
  private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
  private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .*");

  record Sample(String family, String name, Map<String, String> labels, double value) {}

  static List<Sample> parse(String text) {
    assertTrue(text.endsWith("\n"), "ends in a newline");
    Map<String, String> types = new HashMap<>();
    Set<String> closed = new HashSet<>();
    String current = null;
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher t = TYPE.matcher(line);
      if (HELP.matcher(line).matches()) {
        continue;
      }
      if (t.matches()) {
        assertTrue(types.put(t.group(1), t.group(2)) == null, "one TYPE per family: " + line);
        if (current != null) {
          closed.add(current);
        }
        current = t.group(1);
        continue;
      }
      Matcher s = SAMPLE.matcher(line);
      if (!s.matches()) {
        fail("not an exposition line: " + line);
      }
      String name = s.group(1);
      String family = types.containsKey(name) ? name : name.replaceFirst("_(bucket|sum|count)$", "");
      assertTrue(types.containsKey(family), "TYPE before samples: " + line);
      assertEquals(current, family, "a family's samples come together: " + line);
      assertTrue(!closed.contains(family));
      Map<String, String> labels = new LinkedHashMap<>();
      if (s.group(3) != null && !s.group(3).isEmpty()) {
        Matcher l = LABEL.matcher(s.group(3));
        int end = 0;
        while (l.find()) {
          assertEquals(end, l.start(), "labels are comma-separated pairs: " + line);
          labels.put(l.group(1), l.group(2).replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\"));
          end = l.end() + (l.end() < s.group(3).length() && s.group(3).charAt(l.end()) == ',' ? 1 : 0);
        }
        assertEquals(s.group(3).length(), end, "nothing but labels: " + line);
      }
      samples.add(new Sample(family, name, labels, Double.parseDouble(s.group(4).replace("+Inf", "Infinity"))));
    }
    return samples;
  }

  @Test
  void exposition_parsesStrictly_andItsCountsAreTheReports() throws Exception {
    AllOutputs.Rendered r = FormatsFixture.circuitBreaking();
    JsonNode report = FormatsFixture.json(r);
    List<Sample> samples = parse(r.files().get("metrics.prom"));
    TreeMap<String, Long> codes = new TreeMap<>();
    TreeMap<String, Long> flags = new TreeMap<>();
    long total = 0;
    for (Sample s : samples) {
      if (s.name().equals("istio_requests_total")) {
        total += (long) s.value();
        codes.merge(s.labels().get("response_code"), (long) s.value(), Long::sum);
        flags.merge(s.labels().get("response_flags"), (long) s.value(), Long::sum);
        assertEquals("source", s.labels().get("reporter"));
        assertEquals("httpbin.default.svc.cluster.local", s.labels().get("destination_service"));
      }
    }
    assertEquals(report.path("requests").asLong(), total);
    assertEquals(asMap(report.path("codes")), codes);
    assertEquals(asMap(report.path("flags")), flags);
    assertTrue(flags.containsKey("UO"), "circuit breaking shows as UO");
    String cluster = "outbound|8000||httpbin.default.svc.cluster.local";
    long overflow = samples.stream().filter(s -> s.name().equals("envoy_cluster_upstream_rq_pending_overflow")
        && cluster.equals(s.labels().get("cluster_name"))).mapToLong(s -> (long) s.value()).sum();
    assertEquals(report.path("clusters").path(cluster).path("upstream_rq_pending_overflow").asLong(), overflow);
    assertTrue(overflow > 0);
    histograms(samples);
  }

  /** Per label set: buckets at Envoy's default bounds, cumulative, the last ({@code +Inf}) equal to {@code _count}. */
  private static void histograms(List<Sample> samples) {
    Map<String, List<Sample>> buckets = new LinkedHashMap<>();
    Map<String, Double> counts = new HashMap<>();
    for (Sample s : samples) {
      if (s.family().equals("istio_request_duration_milliseconds")) {
        Map<String, String> key = new LinkedHashMap<>(s.labels());
        key.remove("le");
        if (s.name().endsWith("_bucket")) {
          buckets.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(s);
        } else if (s.name().endsWith("_count")) {
          counts.put(key.toString(), s.value());
        }
      }
    }
    assertTrue(!buckets.isEmpty());
    buckets.forEach((key, list) -> {
      assertEquals(20, list.size(), "19 default buckets and +Inf");
      assertEquals("0.5", list.get(0).labels().get("le"));
      assertEquals("3600000", list.get(18).labels().get("le"));
      for (int i = 1; i < list.size(); i++) {
        assertTrue(list.get(i).value() >= list.get(i - 1).value(), "cumulative");
      }
      assertEquals(counts.get(key), list.get(19).value(), "+Inf bucket is the count");
    });
  }

  @Test
  void convergence_isIstiodsHistogram() throws Exception {
    AllOutputs.Rendered r = FormatsFixture.outOfOrderApply();
    List<Sample> samples = parse(r.files().get("metrics.prom"));
    long converged = 0;
    for (JsonNode c : FormatsFixture.json(r).path("timeline").path("convergence")) {
      converged += c.path("converged").asLong();
    }
    double count = samples.stream().filter(s -> s.name().equals("pilot_proxy_convergence_time_count"))
        .mapToDouble(Sample::value).sum();
    assertTrue(converged > 0);
    assertEquals(converged, (long) count);
  }

  @Test
  void labelValues_areEscaped() {
    List<Sample> s = parse("# TYPE x counter\nx{a=\"q\\\"uote\\\\back\\nline\"} 1\n");
    assertEquals("q\"uote\\back\nline", s.get(0).labels().get("a"));
  }

  private static Map<String, Long> asMap(JsonNode node) {
    TreeMap<String, Long> m = new TreeMap<>();
    node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
    return m;
  }
}

package dev.meshsim.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.meshsim.result.ClusterStats;
import dev.meshsim.result.ClusterStats.OutlierEvent;
import dev.meshsim.result.RunResult;
import dev.meshsim.text.SafeText;
import java.io.IOException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The per-cluster block of a report: requests routed to each Envoy cluster, then Envoy's own
 * statistics for it under their Envoy names ({@code upstream_rq_pending_overflow}, {@code
 * upstream_cx_total}, {@code outlier_detection.ejections_enforced_total} …), summed over client
 * sidecars, and the outlier ejections with their times.
 */
final class ClusterSection {
  /** Ejection events printed in the text summary; the JSON has every kept one. */
  static final int TEXT_EVENTS = 20;

  /** Clusters printed in full at most; the others get one line each. */
  static final int TOP_CLUSTERS = 20;

  private ClusterSection() {}

  /** Every cluster that was routed to or has stats, sorted. */
  private static TreeSet<String> names(RunResult r) {
    TreeSet<String> names = new TreeSet<>(r.total().clusters().keySet());
    names.addAll(r.clusterStats().keySet());
    return names;
  }

  static void json(RunResult r, JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("clusters");
    for (String name : names(r)) {
      json.writeObjectFieldStart(name);
      json.writeNumberField("requests", r.total().clusters().getOrDefault(name, 0L));
      ClusterStats stats = r.clusterStats().get(name);
      if (stats != null) {
        counts("codes", stats.responseCodes(), json);
        counts("flags", stats.responseFlags(), json);
        for (Map.Entry<String, Long> c : stats.counters().entrySet()) {
          json.writeNumberField(c.getKey(), c.getValue());
        }
        events(stats, json);
      }
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  private static void counts(String field, Map<?, Long> counts, JsonGenerator json) throws IOException {
    if (counts.isEmpty()) {
      return;
    }
    json.writeObjectFieldStart(field);
    for (Map.Entry<?, Long> e : counts.entrySet()) {
      json.writeNumberField(String.valueOf(e.getKey()), e.getValue());
    }
    json.writeEndObject();
  }

  private static void events(ClusterStats stats, JsonGenerator json) throws IOException {
    if (stats.events().isEmpty()) {
      return;
    }
    json.writeArrayFieldStart("outlierEvents");
    for (OutlierEvent e : stats.events()) {
      json.writeStartObject();
      json.writeNumberField("timeSeconds", Decimals.seconds(e.timeNanos()));
      json.writeStringField("event", e.ejected() ? "ejected" : "unejected");
      json.writeStringField("host", e.host());
      json.writeStringField("sidecar", e.sidecar());
      json.writeEndObject();
    }
    json.writeEndArray();
    if (stats.eventsDropped() > 0) {
      json.writeNumberField("outlierEventsNotKept", stats.eventsDropped());
    }
  }

  /** One line such as {@code codes: 200=1041 503=12}. */
  private static void line(String title, Map<?, Long> counts, StringBuilder out) {
    if (counts.isEmpty()) {
      return;
    }
    out.append("    ").append(title).append(':');
    counts.forEach((k, v) -> out.append(' ').append(SafeText.escape(String.valueOf(k))).append('=').append(v));
    out.append('\n');
  }

  /** Text lines: each cluster's final codes and flags, non-zero Envoy stats, first ejections. */
  static void text(RunResult r, StringBuilder out) {
    if (r.clusterStats().isEmpty()) {
      return;
    }
    out.append("\n== envoy cluster stats (summed over client sidecars) ==\n");
    java.util.List<String> names = java.util.List.copyOf(r.clusterStats().keySet());
    java.util.List<String> top = Ranking.top(names, TOP_CLUSTERS,
        n -> r.clusterStats().get(n).counter(ClusterStats.Stat.UPSTREAM_RQ_TOTAL), n -> errors(r.clusterStats().get(n)),
        n -> n);
    for (Map.Entry<String, ClusterStats> e : r.clusterStats().entrySet()) {
      if (!top.contains(e.getKey())) {
        continue;
      }
      out.append("  ").append(SafeText.escape(e.getKey())).append('\n');
      line("codes", e.getValue().responseCodes(), out);
      line("flags", e.getValue().responseFlags(), out);
      SortedMap<String, String> rows = new TreeMap<>();
      e.getValue().counters().forEach((k, v) -> rows.put(k, String.valueOf(v)));
      rows.forEach((k, v) -> out.append("    ").append(SafeText.escape(k)).append(" : ").append(v).append('\n'));
      int shown = 0;
      for (OutlierEvent ev : e.getValue().events()) {
        if (shown++ == TEXT_EVENTS) {
          out.append("    … ").append(e.getValue().events().size() - TEXT_EVENTS).append(" more events in the JSON\n");
          break;
        }
        out.append("    ").append(Decimals.seconds(ev.timeNanos())).append(" s ")
            .append(ev.ejected() ? "ejected " : "unejected ").append(SafeText.escape(ev.host()))
            .append(" (by ").append(SafeText.escape(ev.sidecar())).append(")\n");
      }
    }
    java.util.List<String> rest = Ranking.rest(names, top);
    if (!rest.isEmpty()) {
      out.append("  ").append(rest.size()).append(" more clusters (the JSON has their stats):\n");
      for (String n : rest) {
        ClusterStats s = r.clusterStats().get(n);
        out.append("    ").append(SafeText.escape(n)).append(" upstream_rq_total=").append(s.counter(ClusterStats.Stat.UPSTREAM_RQ_TOTAL));
        s.responseCodes().forEach((k, v) -> out.append(' ').append(k).append('=').append(v));
        out.append('\n');
      }
    }
  }

  /** Failed final responses and overflows: how clusters with trouble rank. */
  private static long errors(ClusterStats s) {
    return s.responseCodes().tailMap(500).values().stream().mapToLong(Long::longValue).sum()
        + s.counter(ClusterStats.Stat.UPSTREAM_RQ_PENDING_OVERFLOW) + s.counter(ClusterStats.Stat.UPSTREAM_CX_OVERFLOW);
  }
}

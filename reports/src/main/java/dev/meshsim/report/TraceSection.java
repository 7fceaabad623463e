package dev.meshsim.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.meshsim.result.RunResult;
import dev.meshsim.result.TraceStats;
import java.io.IOException;
import java.util.Map;

/**
 * Whether traces' spans were linked (seed 001, trouble 8): per load, traces complete and broken;
 * per service, the requests it served whose span is in its load's trace and those left in a
 * fragment because an app upstream did not pass the trace headers on. Absent when the run did not
 * count traces (no app declares {@code propagate}).
 */
final class TraceSection {
  private TraceSection() {}

  static void text(RunResult r, StringBuilder out) {
    TraceStats t = r.traces();
    if (t == null) {
      return;
    }
    out.append("\n== traces ==\n");
    out.append("  traces: complete ").append(t.completeTraces()).append(", broken ").append(t.brokenTraces())
        .append('\n');
    for (Map.Entry<String, TraceStats.Counts> e : t.loads().entrySet()) {
      out.append("  load ").append(e.getKey()).append(": complete ").append(e.getValue().good())
          .append(", broken ").append(e.getValue().bad()).append('\n');
    }
    for (Map.Entry<String, TraceStats.Counts> e : t.services().entrySet()) {
      out.append("  service ").append(e.getKey()).append(": spans linked ").append(e.getValue().good())
          .append(", unlinked ").append(e.getValue().bad()).append('\n');
    }
  }

  static void json(RunResult r, JsonGenerator json) throws IOException {
    TraceStats t = r.traces();
    if (t == null) {
      return;
    }
    json.writeObjectFieldStart("traces");
    json.writeNumberField("complete", t.completeTraces());
    json.writeNumberField("broken", t.brokenTraces());
    json.writeObjectFieldStart("loads");
    for (Map.Entry<String, TraceStats.Counts> e : t.loads().entrySet()) {
      json.writeObjectFieldStart(e.getKey());
      json.writeNumberField("complete", e.getValue().good());
      json.writeNumberField("broken", e.getValue().bad());
      json.writeEndObject();
    }
    json.writeEndObject();
    json.writeObjectFieldStart("services");
    for (Map.Entry<String, TraceStats.Counts> e : t.services().entrySet()) {
      json.writeObjectFieldStart(e.getKey());
      json.writeNumberField("linkedSpans", e.getValue().good());
      json.writeNumberField("unlinkedSpans", e.getValue().bad());
      json.writeEndObject();
    }
    json.writeEndObject();
    json.writeEndObject();
  }
}

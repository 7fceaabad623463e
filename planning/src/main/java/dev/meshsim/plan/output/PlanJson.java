package dev.meshsim.plan.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshsim.plan.Estimate;
import dev.meshsim.plan.Numbers;
import dev.meshsim.plan.Parameter;
import dev.meshsim.plan.PlanResult;
import dev.meshsim.plan.PointResult;
import dev.meshsim.plan.SloTerm;
import java.util.Map;

/**
 * {@code --json FILE}: {@code {"kind": "plan", "question", "answer", "unit", "points": [{"value",
 * "replications", "metrics": {term: {"mean", "lo", "hi"}}, "verdict", "pass"}], "confirmation",
 * …}}. Keys in a fixed order, {@code \n} line ends, numbers rounded: the same bytes for the same
 * result everywhere.
 */
public final class PlanJson {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);

  private PlanJson() {}

  public static String toJson(PlanResult r) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("kind", "plan"); // the CLI puts meshsim's output mark, "meshsim", before it
    root.put("question", r.question().command());
    root.put("scenario", r.scenario());
    root.put("seed", r.seed());
    if (r.load() == null) {
      root.putNull("load");
    } else {
      root.put("load", r.load());
    }
    root.put("parameter", r.parameter().describe());
    root.put("unit", r.parameter().unit());
    ArrayNode slo = root.putArray("slo");
    r.terms().stream().filter(SloTerm::hasLimit).forEach(t -> slo.add(t.text()));
    ObjectNode stopping = root.putObject("stopping");
    stopping.put("minReps", r.rule().minReps());
    stopping.put("maxReps", r.rule().maxReps());
    stopping.put("relPrecision", Numbers.round(r.rule().relPrecision()));
    if (r.answer() == null) {
      root.putNull("answer");
    } else {
      root.set("answer", value(r.parameter(), r.answer()));
    }
    if (r.question() == dev.meshsim.plan.Question.SWEEP) {
      ArrayNode answers = root.putArray("answers");
      r.answers().forEach(k -> answers.add(value(r.parameter(), k)));
    }
    ArrayNode points = root.putArray("points");
    r.points().forEach(p -> points.add(point(r, p)));
    if (r.confirmation() == null) {
      root.putNull("confirmation");
    } else {
      root.set("confirmation", point(r, r.confirmation()));
    }
    ArrayNode notes = root.putArray("notes");
    r.notes().forEach(notes::add);
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return MAPPER.writer(printer).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode point(PlanResult r, PointResult p) {
    ObjectNode node = MAPPER.createObjectNode();
    node.set("value", value(r.parameter(), p.key()));
    node.put("replications", p.replications());
    node.put("overloaded", p.overloaded());
    ObjectNode metrics = node.putObject("metrics");
    for (int i = 0; i < p.estimates().size(); i++) {
      SloTerm term = r.terms().get(i);
      Estimate e = p.estimates().get(i);
      ObjectNode m = metrics.putObject(term.metric().key());
      m.put("mean", Numbers.round(e.mean()));
      m.put("lo", Numbers.round(e.lo()));
      m.put("hi", Numbers.round(e.hi()));
      m.put("unit", term.metric().unit());
      if (term.hasLimit()) {
        m.put("limit", Numbers.round(term.limit()));
        m.put("verdict", term.judge(e).label());
      }
    }
    node.put("verdict", p.verdict().label());
    node.put("pass", p.passes());
    return node;
  }

  private static com.fasterxml.jackson.databind.JsonNode value(Parameter parameter, long key) {
    Object v = parameter.value(key);
    if (v instanceof Double d) {
      return MAPPER.getNodeFactory().numberNode(Numbers.round(d));
    }
    if (v instanceof Long l) {
      return MAPPER.getNodeFactory().numberNode(l);
    }
    ObjectNode o = MAPPER.createObjectNode();
    for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
      o.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
    }
    return o;
  }
}

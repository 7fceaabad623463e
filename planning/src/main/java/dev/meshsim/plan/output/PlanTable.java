package dev.meshsim.plan.output;

import dev.meshsim.plan.Estimate;
import dev.meshsim.plan.Numbers;
import dev.meshsim.plan.PlanResult;
import dev.meshsim.plan.PointResult;
import dev.meshsim.plan.SloTerm;
import java.util.ArrayList;
import java.util.List;

/**
 * The text a user reads on the terminal: one row per point tried (value, replications, each term's
 * mean and 95% interval, verdict), then the answer and its confirmation, then the notes.
 */
public final class PlanTable {
  private PlanTable() {}

  public static String render(PlanResult r) {
    StringBuilder b = new StringBuilder();
    b.append("meshsim plan ").append(r.question().command()).append(": ").append(r.scenario())
        .append(", seed ").append(r.seed()).append(", ").append(r.parameter().describe());
    if (r.hasSlo()) {
      List<String> slo = r.terms().stream().filter(SloTerm::hasLimit).map(SloTerm::text).toList();
      b.append(", SLO ").append(String.join(" and ", slo));
    }
    b.append(r.load() == null ? " (requests of all loads)" : " (requests of load " + r.load() + ")").append('\n');
    List<String[]> rows = new ArrayList<>();
    rows.add(header(r));
    r.points().forEach(p -> rows.add(row(r, p, "")));
    if (r.confirmation() != null) {
      rows.add(row(r, r.confirmation(), " (confirmation)"));
    }
    appendAligned(b, rows);
    b.append(answer(r)).append('\n');
    r.notes().forEach(n -> b.append("note: ").append(n).append('\n'));
    return b.toString();
  }

  private static String[] header(PlanResult r) {
    List<String> h = new ArrayList<>();
    h.add(r.parameter().unit().isEmpty() ? "point" : r.parameter().unit());
    h.add("reps");
    r.terms().forEach(t -> h.add(t.metric().key() + " " + t.metric().unit() + " [95% interval]"));
    h.add("verdict");
    return h.toArray(String[]::new);
  }

  private static String[] row(PlanResult r, PointResult p, String suffix) {
    List<String> c = new ArrayList<>();
    c.add(r.parameter().label(p.key()));
    c.add(Integer.toString(p.replications()));
    for (Estimate e : p.estimates()) {
      c.add(Numbers.round(e.mean()).toPlainString() + " [" + Numbers.round(e.lo()).toPlainString() + ", "
          + Numbers.round(e.hi()).toPlainString() + "]");
    }
    if (p.overloaded()) {
      r.terms().forEach(t -> c.add("overloaded"));
    }
    c.add(p.verdict().label() + suffix);
    return c.toArray(String[]::new);
  }

  private static String answer(PlanResult r) {
    if (!r.hasSlo()) {
      return "no SLO given: every point above is reported, none is judged";
    }
    return switch (r.question()) {
      case SWEEP -> r.answers().isEmpty() ? "answer: no point of the grid meets the SLO"
          : "answer: " + r.answers().size() + " of " + r.points().size() + " points meet the SLO: "
              + String.join("; ", r.answers().stream().map(k -> r.parameter().label(k)).toList());
      case MAX_RATE, MIN_REPLICAS -> r.answer() == null ? "answer: no value in range meets the SLO"
          : "answer: " + r.parameter().label(r.answer()) + " " + r.parameter().unit();
    };
  }

  private static void appendAligned(StringBuilder b, List<String[]> rows) {
    int[] width = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(String.format(java.util.Locale.ROOT, "%-" + width[i] + "s", row[i]));
        if (i < row.length - 1) {
          line.append("  ");
        }
      }
      b.append(line.toString().stripTrailing()).append('\n');
    }
  }
}

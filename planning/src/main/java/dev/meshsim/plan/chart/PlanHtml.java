package dev.meshsim.plan.chart;

import dev.meshsim.plan.PlanResult;
import dev.meshsim.plan.output.PlanTable;

/**
 * {@code --html FILE}: a self-contained page (no script, no external file) with the knee chart of
 * every SLO term and the plan's text table.
 */
public final class PlanHtml {
  /**
   * In every page's head, saying what made it. Not the mark by which meshsim recognises a page it
   * may replace: the CLI writes that comment above the doctype, as for every HTML output.
   */
  private static final String GENERATOR = "<meta name=\"generator\" content=\"meshsim plan\">";

  private PlanHtml() {}

  public static String render(PlanResult r) {
    System.setProperty("java.awt.headless", "true");
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n").append(GENERATOR).append('\n')
        .append("<title>").append(escape("meshsim plan " + r.question().command() + ": " + r.scenario()))
        .append("</title>\n<style>body{font-family:sans-serif;margin:2em}pre{background:#f6f6f6;padding:1em}</style>\n")
        .append("</head>\n<body>\n<h1>").append(escape("meshsim plan " + r.question().command() + ": " + r.scenario()))
        .append("</h1>\n");
    for (int t = 0; t < r.terms().size(); t++) {
      b.append("<figure>\n").append(KneeChart.svg(r, t)).append("\n<figcaption>")
          .append(escape(r.terms().get(t).metric().key() + " against " + r.parameter().describe()
              + ": mean of the replications, 95% Student-t interval as the band"
              + (r.terms().get(t).hasLimit() ? ", the SLO as the red line" : "")))
          .append("</figcaption>\n</figure>\n");
    }
    b.append("<pre>").append(escape(PlanTable.render(r))).append("</pre>\n</body>\n</html>\n");
    return b.toString();
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}

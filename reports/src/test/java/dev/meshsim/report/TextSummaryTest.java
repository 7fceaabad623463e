package dev.meshsim.report;

import static dev.meshsim.report.Fixtures.RATINGS;
import static dev.meshsim.report.Fixtures.V1;
import static dev.meshsim.report.Fixtures.V2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TextSummaryTest {
  private static final String TEXT = TextSummary.render(Fixtures.bookinfo());
  private static final Pattern HISTOGRAM_ROW = Pattern.compile(
      "^ {4}>= +([0-9.]+) < +([0-9.]+) : +(\\d+) +([0-9.]+) % (#+)$");

  private static List<String> lines(String text) {
    return Arrays.asList(text.split("\n", -1));
  }

  /** The lines of the block headed {@code == title ==}, up to the next blank line. */
  private static List<String> block(String title) {
    List<String> lines = lines(TEXT);
    int start = lines.indexOf("== " + title + " ==");
    assertTrue(start >= 0, () -> "no block " + title + " in\n" + TEXT);
    int end = lines.subList(start, lines.size()).indexOf("") + start;
    return lines.subList(start, end);
  }

  private static void assertLine(List<String> lines, String regex) {
    Pattern pattern = Pattern.compile(regex);
    assertTrue(lines.stream().anyMatch(l -> pattern.matcher(l).matches()),
        () -> "no line matches " + regex + " in\n" + String.join("\n", lines));
  }

  @Test
  void headerNamesScenarioSeedWindowAndUnfinished() {
    List<String> lines = lines(TEXT);
    assertEquals("scenario bookinfo, seed 42", lines.get(0));
    assertEquals("measured 50.000 s (duration 60.000 s - warmup 10.000 s), "
        + "simulated end at 61.500 s", lines.get(1));
    assertEquals("unfinished 3 (still in flight at the end, in no other count)", lines.get(2));
  }

  @Test
  void totalBlockHasRequestsThroughputAndLatency() {
    List<String> total = block("total");
    assertLine(total, " {2}requests 1000, throughput 20\\.000 req/s");
    assertLine(total, " {4}mean {2}: {2}500\\.500");
    assertLine(total, " {4}p50 +: +500\\.\\d{3}");
    assertLine(total, " {4}p90 +: +900\\.\\d{3}");
    assertLine(total, " {4}p99 +: +990\\.\\d{3}");
    assertLine(total, " {4}p99\\.9 : +999\\.\\d{3}");
    assertLine(total, " {4}max +: 1000\\.\\d{3}");
  }

  @Test
  void latencyFiguresAgreeWithTheJsonReport() throws Exception {
    var latency = new ObjectMapper()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .readTree(JsonReport.toJson(Fixtures.bookinfo()))
        .get("latencyMs");
    List<String> total = block("total");
    assertEquals(0, latency.get("p99").decimalValue().compareTo(figure(total, "p99")));
    assertEquals(0, latency.get("p999").decimalValue().compareTo(figure(total, "p99.9")));
    assertEquals(0, latency.get("max").decimalValue().compareTo(figure(total, "max")));
  }

  /** The number on the latency line named {@code name}. */
  private static BigDecimal figure(List<String> lines, String name) {
    String prefix = "    " + name + " ";
    String line = lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
    return new BigDecimal(line.substring(line.indexOf(':') + 1).trim());
  }

  @Test
  void codesFlagsAndClustersHaveCountsAndPercentages() {
    List<String> total = block("total");
    assertLine(total, " {4}200 : 985 98\\.50 %");
    assertLine(total, " {4}404 : {3}5 {2}0\\.50 %");
    assertLine(total, " {4}503 : {2}10 {2}1\\.00 %");
    assertLine(total, " {4}- {2}: 985 98\\.50 %");
    assertLine(total, " {4}NR : {3}5 {2}0\\.50 %");
    assertLine(total, " {4}UF : {2}10 {2}1\\.00 %");
    assertLine(total, " {2}clusters \\(% of 1495 routed\\)");
    assertLine(total, " {4}" + Pattern.quote(V1) + " : 985 65\\.89 %");
    assertLine(total, " {4}" + Pattern.quote(V2) + " : {2}10 {2}0\\.67 %");
    assertLine(total, " {4}" + Pattern.quote(RATINGS) + " {3}: 500 33\\.44 %");
  }

  @Test
  void countRowsAreAligned() {
    List<String> total = block("total");
    int clusters = total.indexOf("  clusters (% of 1495 routed)");
    List<String> rows = total.subList(clusters + 1, clusters + 4);
    assertEquals(1, rows.stream().map(r -> r.indexOf(" : ")).distinct().count(), rows::toString);
    assertEquals(1, rows.stream().map(String::length).distinct().count(), rows::toString);
  }

  @Test
  void histogramCoversEveryRequestInLogSpacedRows() {
    List<String> rows = block("total").stream()
        .filter(l -> l.startsWith("    >="))
        .collect(Collectors.toList());
    assertTrue(rows.size() >= 10 && rows.size() <= 20, () -> rows.size() + " rows");
    long sum = 0;
    double previousTo = 0;
    String lastCumulative = "";
    for (String row : rows) {
      Matcher m = HISTOGRAM_ROW.matcher(row);
      assertTrue(m.matches(), row);
      double from = Double.parseDouble(m.group(1));
      double to = Double.parseDouble(m.group(2));
      assertTrue(from < to && (previousTo == 0 || from == previousTo), row);
      previousTo = to;
      sum += Long.parseLong(m.group(3));
      lastCumulative = m.group(4);
      assertTrue(m.group(5).length() <= TextSummary.BAR_WIDTH, row);
    }
    assertEquals(1000, sum);
    assertEquals("100.00", lastCumulative);
    assertTrue(Double.parseDouble(HISTOGRAM_ROW.matcher(rows.get(0)).replaceAll("$1")) <= 1.0);
    assertTrue(rows.get(rows.size() - 1).endsWith("#".repeat(TextSummary.BAR_WIDTH)),
        "the fullest bucket (the last, for uniform latencies) has the full bar");
  }

  @Test
  void eachLoadFollowsTheTotalInScenarioOrder() {
    List<String> lines = lines(TEXT);
    int total = lines.indexOf("== total ==");
    int users = lines.indexOf("== load users ==");
    int admin = lines.indexOf("== load admin ==");
    assertTrue(0 < total && total < users && users < admin, TEXT);
    List<String> usersBlock = block("load users");
    assertLine(usersBlock, " {2}requests 500, throughput 10\\.000 req/s");
    assertLine(usersBlock, " {4}200 : 497 99\\.40 %");
    assertLine(usersBlock, " {4}" + Pattern.quote(V1) + " : 497 100\\.00 %");
    assertFalse(usersBlock.stream().anyMatch(l -> l.contains("503")), "users saw no 503");
    assertLine(block("load admin"), " {4}UF : {2}10 {2}2\\.00 %");
  }

  @Test
  void emptyRunSaysSoAndOmitsEmptySections() {
    String text = TextSummary.render(Fixtures.empty());
    assertTrue(text.contains("== load idle ==\n  requests 0, throughput 0.000 req/s\n"
        + "  latency (ms): no requests\n"), text);
    assertFalse(text.contains("unfinished"), text);
    assertFalse(text.contains("codes"), text);
    assertFalse(text.contains("histogram"), text);
  }

  @Test
  void outputIsDeterministicAndLocaleIndependent() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertEquals(TEXT, TextSummary.render(Fixtures.bookinfo()));
    } finally {
      Locale.setDefault(saved);
    }
    assertFalse(TEXT.contains("\r"));
    assertTrue(TEXT.endsWith(" %\n"));
  }

  @Test
  void printAndWriteEmitTheRenderedText() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TextSummary.print(Fixtures.bookinfo(), new PrintStream(bytes, false, StandardCharsets.UTF_8));
    assertEquals(TEXT, bytes.toString(StandardCharsets.UTF_8));
    StringWriter writer = new StringWriter();
    TextSummary.write(Fixtures.bookinfo(), writer);
    assertEquals(TEXT, writer.toString());
  }
}

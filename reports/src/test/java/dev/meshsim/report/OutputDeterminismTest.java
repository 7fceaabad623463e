package dev.meshsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Same scenario and seed, same bytes, in every format; and the outputs carry no clock: no random
 * SVG ids, no wall-clock dates.
 */
class OutputDeterminismTest {
  private static AllOutputs.Rendered first;
  private static AllOutputs.Rendered second;

  @BeforeAll
  static void runTwice() throws Exception {
    first = AllOutputs.of(Runs.scenario("out-of-order-apply", 15), 0.5);
    second = AllOutputs.of(Runs.scenario("out-of-order-apply", 15), 0.5);
  }

  @Test
  void everyFormat_isByteIdentical_forTheSameScenarioAndSeed() {
    assertEquals(first.files().keySet(), second.files().keySet());
    for (Map.Entry<String, String> f : first.files().entrySet()) {
      assertEquals(f.getValue(), second.files().get(f.getKey()), f.getKey() + " differs between two runs");
      assertFalse(f.getValue().isEmpty() && !f.getKey().equals("convergence.csv"), f.getKey() + " is empty");
    }
  }

  @Test
  void everyFormat_isTheSame_inAnotherDefaultLocale() {
    java.util.Locale before = java.util.Locale.getDefault();
    Map<String, String> german;
    try {
      java.util.Locale.setDefault(new java.util.Locale("de", "DE"));
      german = first.renderAgain();
    } finally {
      java.util.Locale.setDefault(before);
    }
    first.files().forEach((name, text) -> assertEquals(text, german.get(name), name + " follows the locale"));
  }

  @Test
  void anotherSeed_givesAnotherAccessLogSample() throws Exception {
    var other = AllOutputs.of(Runs.scenario("out-of-order-apply", 15).withSeed(99), 0.5);
    assertNotEquals(first.files().get("access.log"), other.files().get("access.log"));
  }

  @Test
  void svgIds_comeFromTheChartNames_notFromTheClock() {
    String html = first.files().get("report.html");
    Matcher ids = Pattern.compile("id='([^']*)'").matcher(html);
    int n = 0;
    while (ids.find()) {
      n++;
      assertTrue(ids.group(1).matches("(total|load\\d+|svc\\d+|convergence|pushes)(-[a-z]+)?(-clip-\\d+|-gp\\d+|-[a-z]+\\d*)*"),
          "unexpected id " + ids.group(1));
    }
    assertTrue(n > 20, "charts have ids: " + n);
    assertFalse(html.matches("(?s).*20[2-9]\\d-\\d\\d-\\d\\d.*"), "a wall-clock date in the page");
  }

  @Test
  void thePage_isSelfContainedAndSmall() {
    String html = first.files().get("report.html");
    assertFalse(html.contains("<script"), "no script");
    assertFalse(html.matches("(?s).*(src|href)=[\"']?(https?:)?//.*"), "no external resource");
    int bytes = html.getBytes(StandardCharsets.UTF_8).length;
    assertTrue(bytes < 2_000_000, "page under 2 MB: " + bytes);
  }
}

package dev.meshsim.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshsim.report.Runs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTML report in a real browser (Debian's headless Chromium, installed by {@code
 * .ci/setup-chromium.sh} before this module's tests): it loads with no console error and no network
 * request, every chart is laid out with a non-zero size, hostile names show as text and run nothing,
 * and a full-page screenshot is saved under {@code target/browser/} for people to look at.
 * {@code MESHSIM_SKIP_BROWSER_TEST=1} skips it on machines that cannot have Chromium.
 */
class BrowserTest {
  private static final Path OUT = Path.of("target", "browser");

  @BeforeAll
  static void chromiumIsThere() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeFalse("1".equals(System.getenv("MESHSIM_SKIP_BROWSER_TEST")),
        "MESHSIM_SKIP_BROWSER_TEST=1");
    if (!Files.isExecutable(Chromium.BINARY)) {
      fail(Chromium.BINARY + " is missing: run .ci/setup-chromium.sh (mvn verify does), or set"
          + " MESHSIM_SKIP_BROWSER_TEST=1");
    }
    Files.createDirectories(OUT);
  }

  @Test
  void reportOfARealTimelineRun_rendersEveryChart_withoutErrorsOrNetwork() throws Exception {
    Runs.Recorded run = Runs.run(Runs.scenario("out-of-order-apply", 15));
    String html = HtmlReport.render(run.result(), run.series(), new ReportContext("meshsim run test", "test", "1.30", 6));
    Loaded page = open(html, "out-of-order-apply");
    page.assertClean();
    assertEquals(count(html, "<svg"), page.charts.size(), "every chart in the DOM");
    assertTrue(page.charts.size() >= 10, "a timeline run with two loads has many panels: " + page.charts.size());
    page.charts.forEach(c -> assertTrue(c.path("w").asDouble() > 100 && c.path("h").asDouble() > 50,
        "chart laid out with a size: " + c));
    assertTrue(page.text.contains("Verdict per load") && page.text.contains("to-reviews"), "readable text");
  }

  @Test
  void hostileNames_showAsText_andRunNothing() throws Exception {
    Hostile.Run run = Hostile.run();
    String html = HtmlReport.render(run.result(), run.series(), new ReportContext("meshsim run '<script>'", "test",
        "1.30", 6));
    Loaded page = open(html, "hostile");
    page.assertClean();
    assertEquals(0, page.scripts, "no <script> element made it into the DOM");
    assertTrue(!page.title.contains("pwned"), "no injected handler ran: title " + page.title);
    assertTrue(page.text.contains(Hostile.SERVICE), "service name shown as text");
    assertTrue(page.text.contains(Hostile.LOAD), "load name shown as text");
    assertTrue(page.text.contains(Hostile.CLUSTER), "cluster name shown as text");
    assertTrue(page.text.contains(Hostile.ACTION), "action shown as text");
    page.charts.forEach(c -> assertTrue(c.path("w").asDouble() > 0 && c.path("h").asDouble() > 0, c.toString()));
  }

  private record Loaded(List<JsonNode> charts, String text, String title, int scripts, List<String> problems) {
    void assertClean() {
      assertEquals(List.of(), problems, "console errors, exceptions or network requests");
    }
  }

  private static Loaded open(String html, String name) throws Exception {
    Path file = OUT.resolve(name + ".html").toAbsolutePath();
    Files.writeString(file, html, StandardCharsets.UTF_8);
    try (Chromium browser = Chromium.start(1280, 900)) {
      browser.call("Runtime.enable");
      browser.call("Log.enable");
      browser.call("Network.enable");
      browser.call("Page.enable");
      String url = file.toUri().toString();
      browser.call("Page.navigate", "url", url);
      browser.await("Page.loadEventFired");
      JsonNode charts = browser.eval("Array.from(document.querySelectorAll('svg')).map(s => {"
          + " const r = s.getBoundingClientRect(); return {id: s.id, w: r.width, h: r.height}; })");
      String text = browser.eval("document.body.innerText").asText();
      String title = browser.eval("document.title").asText();
      int scripts = browser.eval("document.scripts.length").asInt();
      JsonNode size = browser.call("Page.getLayoutMetrics").path("cssContentSize");
      JsonNode shot = browser.call("Page.captureScreenshot", "format", "png", "captureBeyondViewport", true,
          "clip", java.util.Map.of("x", 0, "y", 0, "width", size.path("width").asDouble(),
              "height", Math.min(size.path("height").asDouble(), 16000), "scale", 1));
      byte[] png = Base64.getDecoder().decode(shot.path("data").asText());
      Files.write(OUT.resolve(name + ".png"), png);
      assertTrue(png.length > 10_000, "a screenshot with content: " + png.length + " bytes");
      List<String> problems = new ArrayList<>();
      for (JsonNode e : browser.events()) {
        String method = e.path("method").asText();
        JsonNode p = e.path("params");
        if (method.equals("Runtime.exceptionThrown")
            || method.equals("Runtime.consoleAPICalled") && p.path("type").asText().matches("error|assert|warning")
            || method.equals("Log.entryAdded") && p.path("entry").path("level").asText().matches("error|warning")
            || method.equals("Network.requestWillBeSent") && !p.path("request").path("url").asText().equals(url)) {
          problems.add(method + " " + p);
        }
      }
      List<JsonNode> list = new ArrayList<>();
      charts.forEach(list::add);
      return new Loaded(list, text, title, scripts, problems);
    }
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}

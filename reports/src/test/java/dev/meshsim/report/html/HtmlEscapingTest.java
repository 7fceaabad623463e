package dev.meshsim.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** OWASP output encoding: no text from a scenario can open a tag, close an attribute or start an entity of its own. */
class HtmlEscapingTest {
  @Property
  void encodedText_hasNoMarkupCharacters(@ForAll String s) {
    String t = Html.attr(s);
    assertFalse(t.contains("<") || t.contains(">") || t.contains("\"") || t.contains("'") || t.contains("`"), t);
    assertTrue(t.replaceAll("&(lt|gt|amp|quot|#39|#96);", "").indexOf('&') < 0, "every & starts our entity: " + t);
  }

  @Property
  void decodingGivesBackTheText_withoutControlCharacters(@ForAll String s) {
    String decoded = Html.text(s).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&amp;", "&");
    assertEquals(s.replaceAll("[\\x00-\\x08\\x0b-\\x1f\\x7f]", ""), decoded);
  }

  @Test
  void theHostileRun_hasNoLiveMarkupFromItsNames() {
    Hostile.Run run = Hostile.run();
    String html = HtmlReport.render(run.result(), run.series(), new ReportContext("meshsim run <x>", "t", "1.30", 6));
    assertFalse(html.contains("<script"), "no script element");
    assertFalse(html.contains("<img"), "no img element");
    assertFalse(html.contains("onerror=\""), "no live handler");
    assertFalse(html.contains("<svg onload"), "no svg handler");
    assertTrue(html.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"));
  }
}

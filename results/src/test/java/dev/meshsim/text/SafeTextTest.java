package dev.meshsim.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SafeTextTest {
  @Test
  void controlsAndBidiAreShownAsEscapes() {
    assertEquals("\\e[2Jx\\nrequests 999\\u202eevil\\t\\x07\\x7f\\u0085\\u2066\\u200b\\u2028\\ud800",
        SafeText.escape("\u001b[2Jx\nrequests 999\u202eevil\t\u0007\u007f\u0085\u2066\u200b\u2028\ud800"));
    assertEquals("tag\\U000e0001", SafeText.escape("tag\uDB40\uDC01"));
  }

  @Test
  void plainTextIsReturnedAsIs() {
    String s = "productpage-v1 → reviews: µs, 日本語, emoji 😀, back\\slash";
    assertSame(s, SafeText.escape(s));
  }

  @Test
  void linesKeepTheirBreaks() {
    assertEquals("a\\e\nb\\u202e\n", SafeText.escapeLines("a\u001b\nb\u202e\n"));
  }

  @Property(tries = 300)
  void nothingThatControlsATerminalSurvives(@ForAll String any) {
    String out = SafeText.escape(any);
    assertTrue(out.codePoints().noneMatch(cp -> cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)
        || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.SURROGATE
        || cp == 0x2028 || cp == 0x2029), out);
  }
}

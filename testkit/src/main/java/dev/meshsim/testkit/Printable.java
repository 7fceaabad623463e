package dev.meshsim.testkit;

import dev.meshsim.text.SafeText;

/**
 * Text from input files made safe for a terminal, by {@link SafeText}, meshsim's one escaper: C0
 * and C1 controls, DEL, bidi overrides and other format characters, line separators and lone
 * surrogates are shown as {@code \e}, {@code \x07}, {@code \u202e}, {@code \U000e0001}, so that a
 * test name or a header value cannot move the cursor, recolour or reorder what {@code check},
 * {@code analyze} and {@code diff} print.
 */
public final class Printable {
  private Printable() {}

  /** Each line of {@code text} escaped, the line breaks kept. */
  public static String escapeLines(String text) {
    return SafeText.escapeLines(text);
  }

  /** {@code s} escaped; null stays null. */
  public static String escape(String s) {
    return s == null ? null : SafeText.escape(s);
  }
}

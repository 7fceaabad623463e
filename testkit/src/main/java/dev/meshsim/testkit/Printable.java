package dev.meshsim.testkit;

/**
 * Text from input files made safe for a terminal: control characters (C0, DEL, C1) are written as
 * {@code \\uXXXX}, so that a test name or a header value cannot move the cursor or recolour output.
 */
public final class Printable {
  private Printable() {}

  /** Each line of {@code text} escaped, the line breaks kept. */
  public static String escapeLines(String text) {
    StringBuilder out = new StringBuilder();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      out.append(i == 0 ? "" : "\n").append(escape(lines[i]));
    }
    return out.toString();
  }

  public static String escape(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
      if (control && out == null) {
        out = new StringBuilder(s.substring(0, i));
      }
      if (out != null) {
        out.append(control ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return out == null ? s : out.toString();
  }
}

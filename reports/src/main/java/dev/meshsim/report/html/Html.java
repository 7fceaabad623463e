package dev.meshsim.report.html;

/**
 * HTML output encoding (OWASP: encode for the context the text lands in). {@link #text} for element
 * content, {@link #attr} for quoted attribute values. Control characters other than tab and newline
 * are dropped: they have no business on a page and some are invalid in HTML.
 */
public final class Html {
  private Html() {}

  /** {@code s} safe as element content. */
  public static String text(String s) {
    return encode(s, false);
  }

  /** {@code s} safe inside a double- or single-quoted attribute value. */
  public static String attr(String s) {
    return encode(s, true);
  }

  private static String encode(String s, boolean attribute) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '`' -> out.append(attribute ? "&#96;" : "`");
        default -> {
          if (c >= 0x20 && c != 0x7f || c == '\n' || c == '\t') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}

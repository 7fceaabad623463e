package dev.meshsim.text;

/**
 * The one escaping function for untrusted text shown on a terminal or written to a text file:
 * names, values, keys and file names from a scenario, and values from the command line. Without
 * it, an ESC sequence in a name clears the screen, a newline forges a result line, and U+202E
 * (right-to-left override) reverses what follows.
 *
 * <p>Escaped: C0 controls and DEL ({@code \e} for ESC, {@code \n}, {@code \r}, {@code \t},
 * otherwise {@code \x1f}), C1 controls U+0080–U+009F, format characters (Unicode category Cf:
 * bidi overrides and isolates, zero-width characters, the BOM…), the line and paragraph
 * separators U+2028/U+2029 and unpaired surrogates, each as {@code \u202e} (or {@code \U000e0001}
 * beyond the BMP). Everything else, including non-ASCII letters and symbols, is kept. Backslashes
 * are not doubled: the aim is that nothing controls the terminal, not that the text can be decoded.
 * JSON and HTML outputs escape per their own format instead.
 */
public final class SafeText {
  private SafeText() {}

  /** {@code text} with every character that could act on a terminal shown as an escape. */
  public static String escape(String text) {
    if (text == null) {
      return "null";
    }
    int first = firstUnsafe(text);
    if (first < 0) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int width = Character.charCount(cp);
      if (unsafe(cp)) {
        appendEscape(b, cp);
      } else {
        b.appendCodePoint(cp);
      }
      i += width;
    }
    return b.toString();
  }

  /** Multi-line text: each line escaped as by {@link #escape}, the line breaks ({@code \n}) kept. */
  public static String escapeLines(String text) {
    if (firstUnsafe(text.replace('\n', ' ')) < 0) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length() + 16);
    int start = 0;
    for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      b.append(escape(text.substring(start, nl))).append('\n');
      start = nl + 1;
    }
    return b.append(escape(text.substring(start))).toString();
  }

  private static int firstUnsafe(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if ((cp < 0x20 || cp >= 0x7f) && unsafe(cp)) {
        return i;
      }
      i += Character.charCount(cp);
    }
    return -1;
  }

  private static boolean unsafe(int cp) {
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) {
      return true;
    }
    int type = Character.getType(cp);
    if (type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
      return true;
    }
    return type == Character.SURROGATE; // codePointAt returns a lone surrogate as itself
  }

  private static void appendEscape(StringBuilder b, int cp) {
    switch (cp) {
      case 0x1b -> b.append("\\e");
      case '\n' -> b.append("\\n");
      case '\r' -> b.append("\\r");
      case '\t' -> b.append("\\t");
      default -> {
        if (cp < 0x80) {
          b.append(String.format("\\x%02x", cp));
        } else if (cp <= 0xffff) {
          b.append(String.format("\\u%04x", cp));
        } else {
          b.append(String.format("\\U%08x", cp));
        }
      }
    }
  }
}

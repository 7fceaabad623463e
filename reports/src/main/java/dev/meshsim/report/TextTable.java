package dev.meshsim.report;

import dev.meshsim.text.SafeText;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of cells printed as aligned columns separated by one space. Each column is left- or
 * right-aligned as given by an alignment string such as {@code "LRR"}; trailing spaces are trimmed.
 */
final class TextTable {
  private final String indent;
  private final String alignment;
  private final List<String[]> rows = new ArrayList<>();

  TextTable(String indent, String alignment) {
    this.indent = indent;
    this.alignment = alignment;
  }

  TextTable row(String... cells) {
    if (cells.length != alignment.length()) {
      throw new IllegalArgumentException(
          "expected " + alignment.length() + " cells, got " + cells.length);
    }
    String[] safe = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      safe[i] = SafeText.escape(cells[i]); // names and values from the scenario are untrusted
    }
    rows.add(safe);
    return this;
  }

  void appendTo(StringBuilder out) {
    int[] widths = widths();
    for (String[] cells : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int c = 0; c < cells.length; c++) {
        line.append(c == 0 ? "" : " ").append(pad(cells[c], widths[c], alignment.charAt(c)));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }

  private int[] widths() {
    int[] widths = new int[alignment.length()];
    for (String[] cells : rows) {
      for (int c = 0; c < cells.length; c++) {
        widths[c] = Math.max(widths[c], cells[c].length());
      }
    }
    return widths;
  }

  private static String pad(String cell, int width, char align) {
    String fill = " ".repeat(width - cell.length());
    return align == 'R' ? fill + cell : cell + fill;
  }
}

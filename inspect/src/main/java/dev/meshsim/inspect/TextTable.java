package dev.meshsim.inspect;

import java.util.ArrayList;
import java.util.List;

/**
 * A table laid out as istioctl lays its tables out (Go's {@code tabwriter} with padding 5 and
 * spaces): every column but the last padded to its widest cell plus five spaces.
 */
final class TextTable {
  private static final int PADDING = 5;
  private final List<String[]> rows = new ArrayList<>();

  TextTable(String... header) {
    rows.add(header);
  }

  void add(Object... cells) {
    String[] row = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      row[i] = cells[i] == null ? "" : String.valueOf(cells[i]);
    }
    rows.add(row);
  }

  String render() {
    int columns = rows.get(0).length;
    int[] width = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns - 1; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      for (int i = 0; i < columns - 1; i++) {
        out.append(row[i]).append(" ".repeat(width[i] - row[i].length() + PADDING));
      }
      out.append(row[columns - 1]).append('\n');
    }
    return out.toString();
  }
}

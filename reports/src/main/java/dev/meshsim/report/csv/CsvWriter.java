package dev.meshsim.report.csv;

/** Rows of RFC 4180 CSV: a field is quoted when it holds a comma, a quote or a line break. */
final class CsvWriter {
  private final StringBuilder out = new StringBuilder();

  CsvWriter(String... header) {
    row((Object[]) header);
  }

  CsvWriter row(Object... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(quote(String.valueOf(fields[i])));
    }
    out.append('\n');
    return this;
  }

  static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  @Override
  public String toString() {
    return out.toString();
  }
}

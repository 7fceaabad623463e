package dev.meshsim.yaml;

/**
 * Where something is in a source file.
 *
 * @param file the file as the user named it (so messages show the path they typed)
 * @param line 1-based line, or 0 when unknown (e.g. the file cannot be read)
 * @param column 1-based column, or 0 when unknown
 */
public record Position(String file, int line, int column) {

  /** A position naming only the file. */
  public static Position ofFile(String file) {
    return new Position(file, 0, 0);
  }

  /** {@code file:line:column}, or just {@code file} when the line is unknown. */
  @Override
  public String toString() {
    return line <= 0 ? file : file + ":" + line + ":" + column;
  }
}

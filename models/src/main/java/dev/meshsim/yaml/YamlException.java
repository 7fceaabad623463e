package dev.meshsim.yaml;

/**
 * A problem found in a YAML file, with the position and field path it concerns. Unchecked so that
 * binders can throw it from anywhere, including lambdas; the scenario loader turns it into a
 * checked {@code ScenarioException} at its edge.
 */
public class YamlException extends RuntimeException {

  private static final int MAX_PATH_SHOWN = 160;

  private final Position position;
  private final String path;
  private final String problem;

  /**
   * @param position where the problem is
   * @param path the field path, e.g. {@code services[0].replicas}; empty for the document root
   * @param problem what is wrong, one sentence without position (no trailing period needed)
   */
  public YamlException(Position position, String path, String problem) {
    super(format(position, path, problem));
    this.position = position;
    this.path = path;
    this.problem = problem;
  }

  /** The one-paragraph message {@code file:line:col: path: problem}. */
  public static String format(Position position, String path, String problem) {
    String where = path.isEmpty() ? "" : shortened(path) + ": ";
    return position + ": " + where + problem;
  }

  /** A path of a deeply nested value, e.g. 1000 levels, shown by its start and its end. */
  private static String shortened(String path) {
    return path.length() <= MAX_PATH_SHOWN ? path
        : path.substring(0, MAX_PATH_SHOWN / 2) + "…" + path.substring(path.length() - MAX_PATH_SHOWN / 2);
  }

  public Position position() {
    return position;
  }

  public String path() {
    return path;
  }

  public String problem() {
    return problem;
  }
}

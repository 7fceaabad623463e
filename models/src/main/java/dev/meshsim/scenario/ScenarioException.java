package dev.meshsim.scenario;

import dev.meshsim.yaml.Position;
import dev.meshsim.yaml.YamlException;

/**
 * A scenario that cannot be loaded: malformed YAML, an unknown key, a bad value or a reference to
 * something that does not exist. {@link #getMessage()} is one paragraph meant for the user, e.g.
 * {@code scenarios/bad.yaml:12:7: services[0].deployments[0].replicas: expected a whole number >= 0,
 * got "two"}. Checked, so that every caller of {@link ScenarioLoader} decides how to report it.
 */
public final class ScenarioException extends Exception {

  private final String file;
  private final int line;
  private final int column;
  private final String path;
  private final String problem;

  /**
   * @param line 1-based, or 0 when the problem concerns the whole file
   * @param column 1-based, or 0 when unknown
   * @param path the field path, e.g. {@code load[0].target}; empty for the whole document
   */
  public ScenarioException(String file, int line, int column, String path, String problem) {
    this(file, line, column, path, problem, null);
  }

  private ScenarioException(String file, int line, int column, String path, String problem, Throwable cause) {
    // The stack trace is kept (and the cause, which shows which check failed) for --verbose.
    super(YamlException.format(new Position(file, line, column), path, problem), cause);
    this.file = file;
    this.line = line;
    this.column = column;
    this.path = path;
    this.problem = problem;
  }

  /** The same problem, as the checked exception the loader's callers see. */
  static ScenarioException from(YamlException e) {
    Position p = e.position();
    return new ScenarioException(p.file(), p.line(), p.column(), e.path(), e.problem(), e);
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The field path, e.g. {@code istio[2].spec.http[0].route[1].weight}. */
  public String path() {
    return path;
  }

  /** The message without position and path. */
  public String problem() {
    return problem;
  }
}

package dev.meshsim.inspect.snapshot;

/**
 * Bad input to a snapshot or an inspection: a message the user can act on (exit 2). Control
 * characters a user or a file put into it are shown escaped, never raw on the terminal.
 */
public final class InspectException extends RuntimeException {
  public InspectException(String message) {
    super(printable(message));
  }

  public InspectException(String message, Throwable cause) {
    super(printable(message), cause);
  }

  static String printable(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(c -> {
      if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }
}

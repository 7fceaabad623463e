package dev.meshsim.inspect;

/** Bad input to a snapshot or an inspection: a message the user can act on (exit 2). */
public final class InspectException extends RuntimeException {
  public InspectException(String message) {
    super(message);
  }

  public InspectException(String message, Throwable cause) {
    super(message, cause);
  }
}

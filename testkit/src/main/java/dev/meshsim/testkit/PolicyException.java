package dev.meshsim.testkit;

/**
 * Input the user can fix (a scenario, a manifest, a test file): the message is one paragraph,
 * {@code file:line:column: field.path: problem}. Unchecked, so test code need not declare it.
 */
public final class PolicyException extends RuntimeException {
  public PolicyException(String message, Throwable cause) {
    super(message, cause);
  }

  public PolicyException(String message) {
    super(message);
  }
}

package dev.meshsim.cli;

/** Input the user can fix: reported in one paragraph, exit code 2, no stack trace. */
final class BadInputException extends RuntimeException {
  BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}

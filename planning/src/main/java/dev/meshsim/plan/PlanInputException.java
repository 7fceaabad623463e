package dev.meshsim.plan;

/**
 * A planning argument the user can fix (an SLO that does not parse, an empty range, a load that
 * does not exist). The message is one paragraph that names the argument and says what was
 * expected; the command line reports it with exit status 2.
 */
public final class PlanInputException extends RuntimeException {
  public PlanInputException(String message) {
    super(message);
  }
}

package dev.meshsim.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints failures as users need them: bad input as its one-paragraph message (exit 2), anything
 * else as a short "internal error" line (exit 1). Stack traces only with {@code --verbose}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    boolean verbose = parsed.subcommand() != null
        ? parsed.subcommand().hasMatchedOption("--verbose")
        : parsed.hasMatchedOption("--verbose");
    var err = cli.getErr();
    if (e instanceof BadInputException) {
      err.println("meshsim: " + e.getMessage());
    } else {
      err.println("meshsim: internal error: " + e + " (run with --verbose for the stack trace)");
    }
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return cli.getExitCodeExceptionMapper().getExitCode(e);
  }
}

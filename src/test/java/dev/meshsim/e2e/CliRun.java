package dev.meshsim.e2e;

import dev.meshsim.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs {@code meshsim} in-process, as a user's shell would, and captures what it printed: the one
 * way every command-line test runs the command. Synchronized because it swaps {@code System.out}.
 */
public final class CliRun {
  private CliRun() {}

  /** What one run returned and printed. */
  public record Outcome(int exit, String out, String err) {
    /** Everything printed, standard output then standard error. */
    public String printed() {
      return out + err;
    }
  }

  public static synchronized Outcome meshsim(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit = Main.execute(args);
      return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }
}

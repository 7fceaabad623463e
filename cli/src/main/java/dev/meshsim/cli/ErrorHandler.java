package dev.meshsim.cli;

import dev.meshsim.mesh.OverloadException;
import dev.meshsim.text.SafeText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
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
    IOException io = ioCause(e);
    Throwable overload = overload(e);
    if (e instanceof BadInputException) {
      err.println("meshsim: " + SafeText.escape(e.getMessage()));
    } else if (overload != null) {
      err.println("meshsim: " + SafeText.escape(overload.getMessage()));
    } else if (io != null) {
      // An output that could not be written (a full disk): not a bug, so no "internal error", but
      // not the input's fault either: exit 1, one line naming the file.
      err.println("meshsim: " + SafeText.escape(describe(io)));
    } else {
      err.println("meshsim: internal error: " + SafeText.escape(e.toString()) + " (run with --verbose for the stack trace)");
    }
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return cli.getExitCodeExceptionMapper().getExitCode(e);
  }

  /**
   * The overload that stopped a simulation, wherever it ran (a plan's worker thread wraps it), or
   * null: the scenario asks for more than the mesh serves, which is bad input (exit 2).
   */
  static Throwable overload(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OverloadException) {
        return t;
      }
    }
    return null;
  }

  /** The first I/O failure in {@code e}'s causes, or null. */
  private static IOException ioCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException io) {
        return io;
      }
    }
    return null;
  }

  private static String describe(IOException io) {
    if (io instanceof FileSystemException f) {
      String file = f.getFile() == null ? "a file" : f.getFile();
      return file + ": " + (f.getReason() != null ? f.getReason() : f.getClass().getSimpleName());
    }
    return io.getMessage() != null ? io.getMessage() : io.getClass().getSimpleName();
  }

  /**
   * The JVM ran out of heap or stack despite the input limits: one line, exit 1 (it is meshsim's
   * limit, not the user's input, that failed), never the JVM's stack trace unless {@code
   * --verbose}. By the time this runs the failed run's objects are unreachable, so printing works.
   */
  static int resourcesExhausted(VirtualMachineError e, PrintWriter err, String... args) {
    String what = e instanceof OutOfMemoryError
        ? "out of memory (heap limit " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB); give the JVM"
            + " more with MESHSIM_JAVA_OPTS=-Xmx…, or make the scenario smaller"
        : "out of stack; please report the scenario";
    err.println("meshsim: internal error: " + what);
    if (java.util.Arrays.asList(args).contains("--verbose")) {
      e.printStackTrace(err);
    }
    err.flush();
    return 1;
  }
}

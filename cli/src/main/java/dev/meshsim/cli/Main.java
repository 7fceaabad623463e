package dev.meshsim.cli;

import dev.meshsim.text.SafeText;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code meshsim} command. Exit codes: 0 success, 1 an internal error (a bug: please report),
 * 2 bad input (the scenario, a manifest, or the command line), with a one-paragraph message naming
 * file, line, column and field.
 */
@Command(
    name = "meshsim",
    mixinStandardHelpOptions = true,
    version = "meshsim " + Main.VERSION,
    description = "Deterministic simulator of an Istio/Envoy service mesh.",
    subcommands = {RunCommand.class, PlanCommand.class, MergeCommand.class, CheckCommand.class,
        AnalyzeCommand.class, DiffCommand.class, InspectCommand.class, CommandLine.HelpCommand.class})
public final class Main {
  static final int EXIT_BAD_INPUT = 2;
  static final String VERSION = "0.1.0";

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** 2 for bad input (an overloaded run included: the scenario asks for more than the mesh serves), else 1. */
  static int exitCode(Throwable e) {
    return e instanceof BadInputException || ErrorHandler.overload(e) != null ? EXIT_BAD_INPUT : 1;
  }

  /** Runs the command line and returns the exit code, for tests. */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Main());
    // UTF-8 whatever the locale: the same bytes on every machine (a C locale would print the
    // analyzer's check mark, or a path's accents, as '?').
    cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    cli.setExitCodeExceptionMapper(Main::exitCode);
    cli.setExecutionExceptionHandler(new ErrorHandler());
    // picocli's own usage errors (unknown option, bad number) are bad input too.
    cli.setParameterExceptionHandler((e, a) -> {
      e.getCommandLine().getErr().println("meshsim: " + SafeText.escape(e.getMessage()));
      e.getCommandLine().usage(e.getCommandLine().getErr());
      return EXIT_BAD_INPUT;
    });
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError | StackOverflowError e) {
      return ErrorHandler.resourcesExhausted(e, cli.getErr(), args);
    }
  }
}

package dev.meshsim.testkit.diff;

import dev.meshsim.testkit.PolicyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** A manifest file at a git revision, {@code REV:PATH} as {@code git show} takes it. */
final class GitRevision {
  private static final long TIMEOUT_SECONDS = 30;

  private GitRevision() {}

  /** {@code main:istio/vs.yaml}, {@code HEAD~1:vs.yaml}: a revision without slashes, a colon, a path. */
  static boolean looksLike(String arg) {
    int colon = arg.indexOf(':');
    return colon > 0 && colon < arg.length() - 1 && !arg.substring(0, colon).contains("/");
  }

  /** The file's text at that revision, from {@code git show} in the current directory. */
  static String show(String revAndPath) {
    ProcessBuilder pb = new ProcessBuilder("git", "show", "--no-textconv", revAndPath).redirectErrorStream(false);
    pb.environment().put("GIT_TERMINAL_PROMPT", "0"); // never wait for credentials
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new PolicyException(revAndPath + ": git show did not finish in " + TIMEOUT_SECONDS + "s");
      }
      if (p.exitValue() != 0) {
        String first = err.lines().findFirst().orElse("exit " + p.exitValue());
        throw new PolicyException(revAndPath + ": neither a file nor a git revision's file (git: "
            + dev.meshsim.testkit.Printable.escape(first) + ")");
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PolicyException(revAndPath + ": no such file, and git cannot be run (" + e.getMessage() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PolicyException(revAndPath + ": interrupted while running git show", e);
    }
  }
}

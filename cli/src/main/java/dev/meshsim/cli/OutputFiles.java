package dev.meshsim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writing results without ever destroying what the user wrote: an output may not be one of the
 * run's inputs, may replace only a file meshsim itself wrote before, and is written to a temporary
 * file first and moved into place, so an interrupted run leaves the old file whole.
 */
final class OutputFiles {
  private OutputFiles() {}

  static void checkWritable(Path output, List<Path> inputs) throws IOException {
    if (output == null) {
      return;
    }
    Path target = output.toAbsolutePath().normalize();
    for (Path input : inputs) {
      if (Files.exists(target) && Files.isSameFile(target, input)) {
        throw new BadInputException(output + ": is an input of this run; refusing to overwrite it", null);
      }
    }
    if (Files.exists(target) && !looksLikeOurJson(target)) {
      throw new BadInputException(output + ": exists and was not written by meshsim; refusing to"
          + " overwrite it (remove it or choose another file)", null);
    }
  }

  private static boolean looksLikeOurJson(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      return false;
    }
    String head = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    return head.startsWith("{") && head.contains("\"scenario\"") && head.contains("\"latencyMs\"");
  }

  static void writeAtomically(Path output, String content) throws IOException {
    Path target = output.toAbsolutePath().normalize();
    Path dir = target.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}

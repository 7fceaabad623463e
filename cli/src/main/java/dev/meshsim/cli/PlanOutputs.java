package dev.meshsim.cli;

import dev.meshsim.plan.chart.PlanHtml;
import dev.meshsim.plan.shard.IndexedJob;
import dev.meshsim.yaml.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The plan's outputs may replace only files a plan wrote before (recognised by the mark each carries in
 * its first bytes, as {@link OutputFiles} marks the run's outputs) and never one of the files the
 * run read, compared by file identity; {@link OutputFiles} then writes them atomically.
 */
final class PlanOutputs {
  static final Pattern JSON = Pattern.compile("^\\{\\s*\"meshsim\"\\s*:\\s*\"plan\"");
  static final Pattern PARTIAL = Pattern.compile("^\\{\\s*\"meshsim\"\\s*:\\s*\"plan-shard\"");
  static final Pattern HTML = Pattern.compile(Pattern.quote(PlanHtml.GENERATOR));
  static final Pattern JOB = Pattern.compile("^" + Pattern.quote(IndexedJob.HEADER));

  private PlanOutputs() {}

  static void checkWritable(Path output, List<SourceFile> inputs, Pattern ours) throws IOException {
    if (output == null) {
      return;
    }
    Path target = output.toAbsolutePath().normalize();
    for (SourceFile input : inputs) {
      if (input.isSameFileAs(target)) {
        throw new BadInputException(output + ": is an input of this run (" + input.path()
            + "); refusing to overwrite it", null);
      }
    }
    if (Files.isDirectory(target)) {
      throw new BadInputException(output + ": is a directory; name a file", null);
    }
    if (Files.exists(target) && !Files.isRegularFile(target)) {
      throw new BadInputException(output + ": is not a regular file (a FIFO, socket or device)", null);
    }
    if (Files.exists(target) && !ours.matcher(head(target)).find()) {
      throw new BadInputException(output + ": exists and was not written by meshsim plan; refusing to"
          + " overwrite it (remove it or choose another file)", null);
    }
  }

  private static String head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
    }
  }
}

package dev.meshsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which files meshsim wrote, so it replaces only those: each directory meshsim writes a report into
 * holds a small manifest, {@code .meshsim-written}, of {@code sha256 name} lines. An existing file
 * may be replaced only if the manifest lists it with the hash it has now, so a file the user wrote,
 * or edited since, is never overwritten. Works the same for every format (HTML, CSV, hgrm, fortio
 * JSON, Prometheus text, access logs), none of which can carry a reliable marker of its own.
 */
final class WrittenFiles {
  static final String MANIFEST = ".meshsim-written";

  private WrittenFiles() {}

  /**
   * Refuses (bad input, exit 2) a target that is one of the run's inputs, a directory, the
   * manifest itself, or an existing file meshsim did not write.
   */
  static void checkWritable(Path output, List<Path> inputs) throws IOException {
    Path target = output.toAbsolutePath().normalize();
    if (Files.isDirectory(target)) {
      throw new BadInputException(output + ": is a directory; a file is expected here", null);
    }
    if (!Files.exists(target)) {
      return;
    }
    for (Path input : inputs) {
      if (Files.exists(input) && Files.isSameFile(target, input)) {
        throw new BadInputException(output + ": is an input of this run; refusing to overwrite it", null);
      }
    }
    String recorded = read(target.getParent()).get(target.getFileName().toString());
    if (MANIFEST.equals(target.getFileName().toString()) || recorded == null || !recorded.equals(sha256(target))) {
      throw new BadInputException(output + ": exists and was not written by meshsim (or was changed since);"
          + " refusing to overwrite it (remove it or choose another name)", null);
    }
  }

  /** Refuses a directory path that exists as something else than a directory. */
  static void checkDirectory(Path dir) {
    Path d = dir.toAbsolutePath().normalize();
    if (Files.exists(d) && !Files.isDirectory(d)) {
      throw new BadInputException(dir + ": exists and is not a directory; a directory is expected here", null);
    }
  }

  /** Records {@code file}, just written, in its directory's manifest. */
  static void record(Path file) throws IOException {
    Path target = file.toAbsolutePath().normalize();
    Path dir = target.getParent();
    TreeMap<String, String> entries = new TreeMap<>(read(dir));
    entries.put(target.getFileName().toString(), sha256(target));
    StringBuilder text = new StringBuilder();
    entries.forEach((name, hash) -> text.append(hash).append("  ").append(name).append('\n'));
    try (AtomicFile out = AtomicFile.open(dir.resolve(MANIFEST))) {
      out.writer().write(text.toString());
      out.commit();
    }
  }

  private static Map<String, String> read(Path dir) throws IOException {
    Path manifest = dir.resolve(MANIFEST);
    TreeMap<String, String> entries = new TreeMap<>();
    if (!Files.isRegularFile(manifest)) {
      return entries;
    }
    for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
      int gap = line.indexOf("  ");
      if (gap == 64) {
        entries.put(line.substring(gap + 2), line.substring(0, gap));
      }
    }
    return entries;
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}

package dev.meshsim.cli;

import dev.meshsim.yaml.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.List;

/**
 * Writing results without ever destroying what the user wrote.
 *
 * <ol>
 *   <li><b>Never an input.</b> An output may not be any file the run read: {@link
 *       dev.meshsim.scenario.LoadedScenario#inputs()} lists them all (the loader records every file
 *       it reads), compared by file identity (device and inode after symbolic links), so a symlink
 *       or hard link to an input is caught too.
 *   <li><b>Only meshsim's own files are replaced.</b> An existing file is replaced only if it
 *       carries meshsim's {@link Mark}: a marker at a fixed place that meshsim writes into each of
 *       its outputs. Nothing else in the file is looked at, and at most the first {@value
 *       #MARK_PROBE_BYTES} bytes are read, so a 3 GB file costs nothing.
 *   <li><b>Checked before the run.</b> {@link #preflight} checks every output and proves its
 *       directory writable before simulating, so a bad {@code --json} fails in a second, not after
 *       the run.
 *   <li><b>Atomic.</b> An output is written to a temporary file beside it and moved into place, so
 *       an interrupted run leaves the old file whole.
 * </ol>
 *
 * <p>Every output of every command goes through here, {@code meshsim plan}'s and {@code meshsim
 * merge}'s included: one mark, one check, one way of writing.
 *
 * <p><b>Adding an output format.</b> Pick the {@link Mark} that the format can carry without
 * breaking the tools that read it, declare the output as {@code new Output(path, mark)}, pass all
 * outputs to {@link #preflight} once, then write each with {@link #write}, which applies the mark:
 *
 * <ul>
 *   <li>JSON (meshsim's, fortio's, the plan's and its shard files): {@link Mark#JSON_FIELD}, a first
 *       member {@code "meshsim"} (JSON readers ignore unknown members; meshsim's own say their kind
 *       in a {@code "kind"} member);
 *   <li>Prometheus text, HdrHistogram {@code .hgrm}, the plan's Job manifest (YAML), anything with
 *       {@code #} comments: {@link Mark#HASH_COMMENT}, a first line {@code # meshsim output…};
 *   <li>HTML (the report, the plan's knee chart): {@link Mark#HTML_COMMENT}, a first line {@code
 *       <!-- meshsim output… -->};
 *   <li>CSV, access logs, any format where an extra line would be read as data: {@link
 *       Mark#EXTENDED_ATTRIBUTE}, a {@code user.meshsim} extended attribute on the file, content
 *       untouched. Where the file system has no user attributes the file is written unmarked, and
 *       a later run refuses to replace it (the safe side: remove it by hand).
 * </ul>
 */
final class OutputFiles {
  static final String MARK_TEXT = "meshsim output; meshsim may replace this file";
  static final int MARK_PROBE_BYTES = 256;
  private static final String ATTRIBUTE = "meshsim";

  private OutputFiles() {}

  /** How an output format carries the mark that lets a later run replace it. */
  enum Mark {
    JSON_FIELD("{\"meshsim\": \"" + MARK_TEXT + "\""),
    HASH_COMMENT("# " + MARK_TEXT + "\n"),
    HTML_COMMENT("<!-- " + MARK_TEXT + " -->\n"),
    EXTENDED_ATTRIBUTE("");

    /** What a marked file starts with (nothing for the attribute). */
    private final String prefix;

    Mark(String prefix) {
      this.prefix = prefix;
    }

    /** {@code content} with the mark; a JSON output must be an object, {@code {…}}. */
    String apply(String content) {
      if (this != JSON_FIELD) {
        return prefix + content;
      }
      if (!content.startsWith("{")) {
        throw new IllegalArgumentException("a JSON output must start with '{'");
      }
      String members = content.substring(1);
      boolean empty = members.strip().startsWith("}");
      return prefix + (empty ? "" : ",") + (members.startsWith("\n") ? "" : "\n") + members;
    }

    /** Whether {@code file} carries this mark; reads at most the first {@value #MARK_PROBE_BYTES} bytes. */
    boolean isOn(Path file) throws IOException {
      if (this == EXTENDED_ATTRIBUTE) {
        return attributeMarked(file);
      }
      try (InputStream in = Files.newInputStream(file)) {
        return new String(in.readNBytes(MARK_PROBE_BYTES), StandardCharsets.UTF_8).startsWith(prefix);
      }
    }
  }

  /** One output of a run: where, and how it is marked. */
  record Output(Path path, Mark mark) {}

  /**
   * Checks, before the run, that every output may be written: not an input, not a directory, FIFO
   * or device, not an existing file meshsim did not write, not named twice, and its directory can
   * be created and written.
   */
  static void preflight(List<Output> outputs, List<SourceFile> inputs) {
    List<Path> seen = new ArrayList<>();
    for (Output output : outputs) {
      Path target = target(output);
      if (seen.contains(target)) {
        throw bad(output, "is named as two outputs");
      }
      seen.add(target);
      try {
        check(output, target, inputs);
        probeDirectory(target);
      } catch (java.nio.file.AccessDeniedException e) {
        throw bad(output, "cannot be written (permission denied)");
      } catch (java.nio.file.FileSystemException e) {
        throw bad(output, "cannot be written (" + (e.getReason() != null ? e.getReason() : "no such directory") + ")");
      } catch (IOException e) {
        throw bad(output, "cannot be written (" + e.getClass().getSimpleName() + ")");
      }
    }
  }

  /**
   * Where {@code output} is written: its path, or, when it is a symbolic link, the file the link
   * points to. meshsim writes through a link (after the same checks on the file it names) rather
   * than replacing the link with a regular file; a link to nothing is refused.
   */
  static Path target(Output output) {
    return resolved(output.path(), output);
  }

  static Path resolved(Path path, Output output) {
    Path p = path.toAbsolutePath().normalize();
    if (!Files.isSymbolicLink(p)) {
      return p;
    }
    try {
      return p.toRealPath();
    } catch (IOException e) {
      String to;
      try {
        to = " to " + Files.readSymbolicLink(p);
      } catch (IOException | UnsupportedOperationException again) {
        to = "";
      }
      throw new BadInputException(path + ": is a symbolic link" + to + ", which does not exist (or is a loop);"
          + " meshsim writes through a link only to an existing file", null);
    }
  }

  private static void check(Output output, Path target, List<SourceFile> inputs) throws IOException {
    for (SourceFile input : inputs) {
      if (input.isSameFileAs(target)) {
        throw bad(output, "is an input of this run (" + input.path() + "); refusing to overwrite it");
      }
    }
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    BasicFileAttributes a = Files.readAttributes(target, BasicFileAttributes.class);
    if (a.isDirectory()) {
      throw bad(output, "is a directory");
    }
    if (!a.isRegularFile()) {
      throw bad(output, "is not a regular file (a FIFO, socket or device)");
    }
    if (!output.mark().isOn(target)) {
      throw bad(output, "exists and was not written by meshsim; refusing to overwrite it"
          + " (remove it or choose another file)");
    }
  }

  /** Creates the directory if needed and a temporary file in it, then removes the file. */
  private static void probeDirectory(Path target) throws IOException {
    Path dir = target.getParent();
    Files.createDirectories(dir);
    Files.delete(Files.createTempFile(dir, ".meshsim-probe", ".tmp"));
  }

  private static BadInputException bad(Output output, String problem) {
    return new BadInputException(output.path() + ": " + problem, null);
  }

  /** Writes {@code content} with the output's mark, atomically where the file system allows. */
  static void write(Output output, String content) throws IOException {
    try (AtomicFile out = open(output)) {
      out.writer().write(output.mark() == Mark.JSON_FIELD ? output.mark().apply(content) : content);
      out.commit();
    }
  }

  /**
   * Opens {@code output} for streaming (the access log): lines go to a temporary file beside it,
   * which {@link AtomicFile#commit()} moves into place; the mark is written first (or set as an
   * attribute at commit). Not for {@link Mark#JSON_FIELD}, which must see the whole object.
   */
  static AtomicFile open(Output output) throws IOException {
    boolean attribute = output.mark() == Mark.EXTENDED_ATTRIBUTE;
    AtomicFile file = AtomicFile.open(target(output), attribute);
    if (!attribute && output.mark() != Mark.JSON_FIELD) {
      file.writer().write(output.mark().apply(""));
    }
    return file;
  }

  /** Marks {@code file} with meshsim's attribute, where the file system has user attributes. */
  static void setAttribute(Path file) {
    UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
    if (view == null) {
      return;
    }
    try {
      view.write(ATTRIBUTE, StandardCharsets.UTF_8.encode(MARK_TEXT));
    } catch (IOException | UnsupportedOperationException e) {
      // No user attributes here: the file stays unmarked, so no later run replaces it.
    }
  }

  private static boolean attributeMarked(Path file) {
    UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
    if (view == null) {
      return false;
    }
    try {
      if (!view.list().contains(ATTRIBUTE) || view.size(ATTRIBUTE) > MARK_PROBE_BYTES) {
        return false;
      }
      ByteBuffer value = ByteBuffer.allocate(view.size(ATTRIBUTE));
      view.read(ATTRIBUTE, value);
      value.flip();
      return MARK_TEXT.equals(StandardCharsets.UTF_8.decode(value).toString());
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}

package dev.meshsim.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file written through a temporary file in the same directory and moved into place only by {@link
 * #commit()}, so that a reader never sees half a file and an interrupted run leaves the old one
 * whole. Streams: lines go to disk as they are written (the access log of a long run is never held
 * in memory). Closing without committing deletes the temporary file.
 */
final class AtomicFile implements AutoCloseable {
  private final Path target;
  private final Path tmp;
  private final BufferedWriter writer;
  private final boolean attribute;
  private boolean committed;

  private AtomicFile(Path target, Path tmp, BufferedWriter writer, boolean attribute) {
    this.target = target;
    this.tmp = tmp;
    this.writer = writer;
    this.attribute = attribute;
  }

  /**
   * Opens a temporary file beside {@code output}; {@code attribute}: mark the file with meshsim's
   * attribute at commit ({@link OutputFiles.Mark#EXTENDED_ATTRIBUTE}). Use {@link OutputFiles#open}.
   */
  static AtomicFile open(Path output, boolean attribute) throws IOException {
    Path target = output.toAbsolutePath().normalize();
    Path dir = target.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    return new AtomicFile(target, tmp, Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), attribute);
  }

  Writer writer() {
    return writer;
  }

  Path target() {
    return target;
  }

  void commit() throws IOException {
    writer.close();
    // A temporary file is private (0600); a report is for reading, like any file the user writes.
    if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }
    if (attribute) {
      OutputFiles.setAttribute(tmp);
    }
    try {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    committed = true;
  }

  @Override
  public void close() throws IOException {
    if (!committed) {
      writer.close();
      Files.deleteIfExists(tmp);
    }
  }
}

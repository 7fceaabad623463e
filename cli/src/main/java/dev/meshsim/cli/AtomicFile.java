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
    return open(output, attribute, w -> w);
  }

  /** As {@link #open(Path, boolean)}, the file's writer wrapped by {@code around} (tests: a disk that fills). */
  static AtomicFile open(Path output, boolean attribute, java.util.function.UnaryOperator<Writer> around)
      throws IOException {
    Path target = output.toAbsolutePath().normalize();
    Path dir = target.getParent();
    Files.createDirectories(dir);
    Path tmp;
    try {
      tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    } catch (IOException e) {
      throw failure(target, e);
    }
    return new AtomicFile(target, tmp, new BufferedWriter(new Naming(target,
        around.apply(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)))), attribute);
  }

  /**
   * An I/O failure of an output (a full disk, an I/O error) as one line naming the file the user
   * asked for, not the temporary file: {@code out.json: cannot be written (No space left on device)}.
   */
  static IOException failure(Path target, IOException e) {
    String reason = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
        : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    return new IOException(target + ": cannot be written (" + reason + ")", e);
  }

  /** Passes writes through, naming the target in any failure. */
  private static final class Naming extends java.io.FilterWriter {
    private final Path target;

    Naming(Path target, Writer out) {
      super(out);
      this.target = target;
    }

    @Override
    public void write(int c) throws IOException {
      try {
        super.write(c);
      } catch (IOException e) {
        throw failure(target, e);
      }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      try {
        super.write(buf, off, len);
      } catch (IOException e) {
        throw failure(target, e);
      }
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
      try {
        super.write(str, off, len);
      } catch (IOException e) {
        throw failure(target, e);
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        super.flush();
      } catch (IOException e) {
        throw failure(target, e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        super.close();
      } catch (IOException e) {
        throw failure(target, e);
      }
    }
  }

  Writer writer() {
    return writer;
  }

  Path target() {
    return target;
  }

  void commit() throws IOException {
    writer.close();
    try {
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
    } catch (IOException e) {
      throw failure(target, e);
    }
    committed = true;
  }

  /** Without {@link #commit()}: removes the temporary file, even when closing it fails (a full disk). */
  @Override
  public void close() throws IOException {
    if (!committed) {
      try {
        writer.close();
      } catch (IOException e) {
        // the write that failed is what is reported; this close fails for the same reason
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
  }
}

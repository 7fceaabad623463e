package dev.meshsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A disk that fills while an output is written: one line naming the file, the old file kept, no temporary file left. */
class AtomicFileFullDiskTest {
  @TempDir Path tmp;

  /** A writer whose disk is full after {@code room} characters, as the kernel's ENOSPC. */
  private static Writer filling(Writer w, int room) {
    return new FilterWriter(w) {
      private int written;

      @Override
      public void write(String s, int off, int len) throws IOException {
        write(s.substring(off, off + len).toCharArray(), 0, len);
      }

      @Override
      public void write(char[] buf, int off, int len) throws IOException {
        written += len;
        if (written > room) {
          throw new IOException("No space left on device");
        }
        super.write(buf, off, len);
      }

      @Override
      public void flush() throws IOException {
        if (written > room) {
          throw new IOException("No space left on device");
        }
        super.flush();
      }
    };
  }

  @Test
  void aFullDiskNamesTheOutputKeepsTheOldFileAndLeavesNoTemporaryFile() throws Exception {
    Path out = tmp.resolve("out.json");
    Files.writeString(out, "old result\n");
    IOException e = assertThrows(IOException.class, () -> {
      try (AtomicFile f = AtomicFile.open(out, false, w -> filling(w, 10))) {
        f.writer().write("x".repeat(100_000));
        f.commit();
      }
    });
    assertEquals(out.toAbsolutePath() + ": cannot be written (No space left on device)", e.getMessage());
    assertEquals("old result\n", Files.readString(out));
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(1, files.count(), "only out.json: the temporary file is gone");
    }
  }

  @Test
  void theCommandPrintsOneLineWithoutInternalError() {
    IOException io = AtomicFile.failure(Path.of("p.prom"), new IOException("No space left on device"));
    var out = new java.io.StringWriter();
    var cli = new picocli.CommandLine(new Main());
    cli.setErr(new java.io.PrintWriter(out));
    cli.setExitCodeExceptionMapper(Main::exitCode);
    int exit = new ErrorHandler().handleExecutionException(new java.io.UncheckedIOException("writing", io), cli,
        cli.parseArgs("run", "x.yaml"));
    assertEquals(1, exit);
    assertEquals("meshsim: p.prom: cannot be written (No space left on device)", out.toString().strip());
    assertTrue(!out.toString().contains("internal error"), out.toString());
  }
}

package dev.meshsim.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way a run reads an input file, and the record of every file it read. Whatever kind of
 * input a binder reads (the scenario, {@code istioFiles}, a timeline {@code apply}, any kind added
 * later) goes through {@link #read}, so {@link #files()} is by construction the set the output
 * check must protect.
 *
 * <p>Before a byte is read the file must be a regular file (a FIFO would block forever, {@code
 * /dev/zero} never ends, a directory is a mistake) no larger than {@link ReadLimits#maxFileBytes};
 * the read itself is bounded too, as {@code /proc} files report size 0. The text must be UTF-8;
 * the first invalid byte is reported at its line and column.
 */
public final class SourceFiles {

  private final ReadLimits limits;
  private final List<SourceFile> files = new ArrayList<>();

  public SourceFiles(ReadLimits limits) {
    this.limits = limits;
  }

  public ReadLimits limits() {
    return limits;
  }

  /** The files read so far, in the order first read. */
  public List<SourceFile> files() {
    return List.copyOf(files);
  }

  /**
   * Reads every non-empty document of {@code file} (see {@link YamlReader#read}). Problems with the
   * file as a whole (missing, not a regular file, too large) have line 0, so callers can position
   * them at the key that named the file instead.
   */
  public List<YamlNode> read(Path file) {
    return YamlReader.read(readText(file), file.toString(), limits);
  }

  /**
   * The text of {@code file}, checked and recorded as {@link #read} does, for a caller that must
   * look at the text before parsing it (an edit from the command line, JSON indented with tabs).
   */
  public String readText(Path file) {
    return decode(readBytes(file), file.toString());
  }

  /**
   * The bytes of {@code file}, checked (regular file, size limit, bounded read) and recorded as
   * {@link #read} does, for an input that is not text to parse (a file whose digest is compared).
   */
  public byte[] readBytes(Path file) {
    String name = file.toString();
    BasicFileAttributes attributes = attributes(file, name);
    files.add(new SourceFile(file, attributes.fileKey()));
    return bytes(file, name, attributes);
  }

  private BasicFileAttributes attributes(Path file, String name) {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, BasicFileAttributes.class); // follows symbolic links
    } catch (NoSuchFileException e) {
      throw wholeFile(name, "no such file");
    } catch (IOException e) {
      throw wholeFile(name, "cannot read the file (" + e.getClass().getSimpleName() + ")");
    }
    if (a.isDirectory()) {
      throw wholeFile(name, "is a directory, not a file");
    }
    if (!a.isRegularFile()) {
      throw wholeFile(name, "is not a regular file (a FIFO, socket or device); meshsim reads only regular files");
    }
    if (a.size() > limits.maxFileBytes()) {
      throw tooLarge(name);
    }
    return a;
  }

  private byte[] bytes(Path file, String name, BasicFileAttributes attributes) {
    int cap = (int) Math.min(limits.maxFileBytes(), Integer.MAX_VALUE - 16);
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(cap + 1);
    } catch (IOException e) {
      throw wholeFile(name, "cannot read the file (" + e.getClass().getSimpleName() + ")");
    }
    if (bytes.length > cap) {
      throw tooLarge(name);
    }
    return bytes;
  }

  private YamlException tooLarge(String name) {
    return wholeFile(name, "the file is larger than meshsim's limit of " + mebibytes(limits.maxFileBytes())
        + " per input file (raise it with --max-input-size)");
  }

  /** UTF-8 text; the first invalid byte is reported where it is. */
  static String decode(byte[] bytes, String name) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      out.flip();
      int line = 1;
      int column = 1;
      while (out.hasRemaining()) {
        if (out.get() == '\n') {
          line++;
          column = 1;
        } else {
          column++;
        }
      }
      throw new YamlException(new Position(name, line, column), "",
          "the file is not valid UTF-8 (invalid byte 0x" + String.format("%02x", bytes[in.position()] & 0xff)
              + " at byte offset " + in.position() + ")");
    }
    decoder.flush(out);
    out.flip();
    return out.toString();
  }

  private static YamlException wholeFile(String name, String problem) {
    return new YamlException(Position.ofFile(name), "", problem);
  }

  static String mebibytes(long bytes) {
    return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
  }
}

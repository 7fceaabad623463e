package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What meshsim prints is UTF-8 whatever the machine's locale: the same scenario gives the same
 * bytes on a laptop in a UTF-8 locale and in a container whose locale is C. Runs the command in a
 * fresh JVM, because the charset the console streams use is fixed when a JVM starts.
 */
class ConsoleEncodingTest {
  private static final Path SCENARIO = Path.of("scenarios", "troubles", "07-delegate.yaml");

  @Test
  void analyze_printsTheSameUtf8Bytes_underALatin1AndAUtf8Locale() throws Exception {
    byte[] latin1 = stdout("ISO-8859-1", "C");
    byte[] utf8 = stdout("UTF-8", "C.UTF-8");
    assertArrayEquals(utf8, latin1);
    String text = new String(latin1, StandardCharsets.UTF_8);
    assertTrue(text.startsWith("\u2714 No validation issues found"), "the check mark, encoded as UTF-8: " + text);
  }

  private static byte[] stdout(String encoding, String locale) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Dfile.encoding=" + encoding,
        "-Dsun.stdout.encoding=" + encoding, "-Dsun.stderr.encoding=" + encoding,
        "-cp", System.getProperty("java.class.path"), "dev.meshsim.cli.Main", "analyze", SCENARIO.toString()));
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("LC_ALL", locale);
    pb.environment().put("LANG", locale);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertEquals(0, p.waitFor(), "analyze exits 0 on a clean scenario");
    return out;
  }
}

package dev.meshsim.e2e;

import static dev.meshsim.e2e.CliRun.meshsim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.e2e.CliRun.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code meshsim run} with every report output: all files written, a second run replaces them, and
 * anything meshsim did not write (or a directory where a file goes) is refused with exit 2 and left
 * as it was; without a terminal no progress bar reaches stderr.
 */
class ReportOutputsCliTest {
  private static final String SCENARIO = "scenarios/circuit-breaking.yaml";
  @TempDir Path tmp;



  private String[] everyOutput() {
    return new String[] {"run", SCENARIO, "--html", tmp.resolve("r.html").toString(), "--csv",
      tmp.resolve("csv").toString(), "--hgrm", tmp.resolve("hgrm").toString(), "--fortio-json",
      tmp.resolve("fortio").toString(), "--prometheus", tmp.resolve("m.prom").toString(), "--access-log",
      tmp.resolve("access.log").toString()};
  }

  @Test
  void everyOutput_isWritten_andASecondRunReplacesItsOwnFiles() throws Exception {
    Outcome first = meshsim(everyOutput());
    assertEquals(0, first.exit(), first.err());
    assertEquals("", first.err(), "no progress bar and no noise without a terminal");
    for (String f : List.of("r.html", "m.prom", "access.log", "csv/timeseries.csv", "csv/latency.csv",
        "csv/clusters.csv", "csv/convergence.csv", "hgrm/fortio-c2.hgrm", "hgrm/fortio-c3.hlog",
        "fortio/fortio-c2.json", "fortio/fortio-c3.json")) {
      assertTrue(Files.size(tmp.resolve(f)) > 0, f);
    }
    byte[] html = Files.readAllBytes(tmp.resolve("r.html"));
    Outcome second = meshsim(everyOutput());
    assertEquals(0, second.exit(), second.err());
    assertEquals(new String(html, StandardCharsets.UTF_8), Files.readString(tmp.resolve("r.html")), "same bytes");
    try (Stream<Path> files = Files.walk(tmp)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
    }
  }

  @Test
  void aFileMeshsimDidNotWrite_isRefused_andKept() throws Exception {
    Path mine = tmp.resolve("notes.txt");
    Files.writeString(mine, "my notes\n");
    for (String option : List.of("--html", "--prometheus", "--access-log")) {
      Outcome o = meshsim("run", SCENARIO, option, mine.toString());
      assertEquals(2, o.exit(), option);
      assertTrue(o.err().contains("was not written by meshsim"), o.err());
    }
    Files.createDirectories(tmp.resolve("csv"));
    Files.writeString(tmp.resolve("csv/latency.csv"), "mine\n");
    assertEquals(2, meshsim("run", SCENARIO, "--csv", tmp.resolve("csv").toString()).exit());
    assertEquals("my notes\n", Files.readString(mine));
    assertEquals("mine\n", Files.readString(tmp.resolve("csv/latency.csv")));
    assertTrue(!Files.exists(tmp.resolve("csv/timeseries.csv")), "nothing written when one target is refused");
  }

  @Test
  void aDirectoryWhereAFileGoes_orAFileWhereADirectoryGoes_isBadInput() throws Exception {
    Outcome dir = meshsim("run", SCENARIO, "--html", tmp.toString());
    assertEquals(2, dir.exit());
    assertTrue(dir.err().contains("is a directory"), dir.err());
    Path file = tmp.resolve("file");
    Files.writeString(file, "x");
    Outcome notDir = meshsim("run", SCENARIO, "--hgrm", file.toString());
    assertEquals(2, notDir.exit());
    assertTrue(notDir.err().contains("not a directory"), notDir.err());
    Outcome input = meshsim("run", SCENARIO, "--prometheus", SCENARIO);
    assertEquals(2, input.exit());
    assertTrue(input.err().contains("input of this run"), input.err());
    assertEquals(2, meshsim("run", SCENARIO, "--access-log", tmp.resolve("a.log").toString(),
        "--access-log-sample", "0").exit());
    Outcome format = meshsim("run", SCENARIO, "--access-log", tmp.resolve("a.log").toString(),
        "--access-log-format", "xml");
    assertEquals(2, format.exit());
    assertTrue(format.err().contains("must be text or json"), format.err());
    assertEquals(2, meshsim("run", SCENARIO, "--access-log-format", "json").exit(), "needs --access-log");
    assertTrue(Files.notExists(tmp.resolve("a.log")), "nothing written on bad options");
  }
}

package dev.meshsim.hostile;

import static dev.meshsim.e2e.CliRun.meshsim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.e2e.CliRun.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names, keys, values and file names reach the terminal escaped, in results, warnings and errors. */
class TerminalEscapeTest {
  @TempDir Path tmp;

  private static final String EVIL = "\\e[2J\\e[31mowned\\nrequests 999999\\u202eevil";

  private Path scenario(String name, String extra) throws Exception {
    return Files.writeString(tmp.resolve("s.yaml"), """
        name: "%s"
        duration: 1s
        services:
          - name: server
            ports: [{name: http, port: 8080}]
            deployments: [{name: server, serviceTime: 1ms}]
        load: [{name: l, target: server:8080, arrival: {poisson: 100/s}}]
        """.formatted(name) + extra);
  }

  @Test
  void theSummaryShowsAHostileNameEscaped() throws Exception {
    Outcome o = meshsim("run", scenario(EVIL, "").toString());
    assertEquals(0, o.exit(), o.err());
    assertEquals(-1, Printed.firstRawControl(o.printed()), o.printed());
    assertTrue(o.out().startsWith("scenario \\e[2J\\e[31mowned\\nrequests 999999\\u202eevil, seed 1\n"), o.out());
  }

  @Test
  void errorsAndWarningsShowHostileKeysAndValuesEscaped() throws Exception {
    Outcome bad = meshsim("run", scenario("x", "\"\\e]0;title\\u0007key\": 1\n").toString());
    assertEquals(2, bad.exit());
    assertEquals(-1, Printed.firstRawControl(bad.printed()), bad.printed());
    assertTrue(bad.err().contains("\\e]0;title\\x07key"), bad.err());
    Outcome warned = meshsim("run", scenario("x", """
        timeline: [{at: 0.5s, delete: {kind: VirtualService, name: "a\\u202eb"}}]
        """).toString());
    assertEquals(-1, Printed.firstRawControl(warned.printed()), warned.printed());
  }

  @Test
  void aHostileFileNameOnTheCommandLineIsEscaped() {
    Outcome o = meshsim("run", tmp.resolve("\u001b[2J\u202e.yaml").toString());
    assertEquals(2, o.exit());
    assertEquals(-1, Printed.firstRawControl(o.printed()), o.printed());
    Outcome option = meshsim("run", "--seed", "\u001b[2J", "x.yaml");
    assertEquals(2, option.exit());
    assertEquals(-1, Printed.firstRawControl(option.printed()), option.printed());
  }
}

package dev.meshsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.result.FinishedRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The progress line: simulated time done of the total, requests, simulated req/s, ETA; cleared at the end. */
class ProgressTest {
  private static FinishedRequest endingAt(long nanos) {
    return new FinishedRequest("load", "default", "10.0.0.1", "GET", "/", "svc:80", "svc.default.svc.cluster.local",
        80, Map.of(), nanos - 1_000_000, nanos, nanos - 900_000, nanos - 100_000, nanos - 800_000, 200, "-",
        "default", "outbound|80||svc.default.svc.cluster.local", "10.0.0.2:80", "svc-0");
  }

  @Test
  void showsHowFarTheRunIs_thenClearsItsLine() {
    StringWriter text = new StringWriter();
    Progress p = new Progress(new PrintWriter(text), 0, 100_000_000_000L, 0);
    for (int i = 1; i <= 4096; i++) {
      p.finished(endingAt(i * 12_207_031L)); // 4096 requests over the first 50 s of 100 s
    }
    String line = text.toString();
    assertTrue(line.startsWith("\r["), line);
    // First drawn at the 1,024th request, 12.5 s of simulated time into a 100 s run.
    assertTrue(line.startsWith("\r[###.....................]  12%  sim 12.5/100.0 s  1,024 req  82 sim req/s  ETA "),
        line);
    assertTrue(line.contains("sim req/s") && line.contains("ETA"), line);
    p.done();
    assertTrue(text.toString().endsWith("\r"), "the line is cleared");
  }

  @Test
  void staysQuiet_forShortRuns() {
    StringWriter text = new StringWriter();
    Progress p = new Progress(new PrintWriter(text), 0, 100_000_000_000L);
    for (int i = 1; i <= 4096; i++) {
      p.finished(endingAt(i * 1_000_000L));
    }
    p.done();
    assertEquals("", text.toString(), "nothing within the first two seconds of wall time");
  }
}

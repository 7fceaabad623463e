package dev.meshsim.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium driven over the DevTools protocol (a WebSocket from the JDK, JSON from Jackson),
 * for the browser test. The protocol is the one way to hear every console message and uncaught
 * exception, every network request the page makes, and to measure laid-out elements and take a
 * full-page screenshot in one session; {@code --dump-dom} and {@code --enable-logging} see only part
 * of that, in a format that changes between releases. Started with a fresh profile and everything
 * that would reach the network turned off.
 */
final class Chromium implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/chromium");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TIMEOUT_SECONDS = 60;

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final LinkedBlockingQueue<JsonNode> inbox;
  private final List<JsonNode> events = new ArrayList<>();
  private int nextId = 1;

  private Chromium(Process process, Path profile, WebSocket socket, LinkedBlockingQueue<JsonNode> inbox) {
    this.inbox = inbox;
    this.process = process;
    this.profile = profile;
    this.socket = socket;
  }

  static Chromium start(int width, int height) throws Exception {
    Path profile = Files.createTempDirectory("meshsim-chromium");
    Process p = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--remote-debugging-port=0", "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height, "about:blank")
        .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
    int port = waitForPort(profile.resolve("DevToolsActivePort"), p);
    HttpClient http = HttpClient.newHttpClient();
    String ws = null;
    for (JsonNode target : JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body())) {
      if ("page".equals(target.path("type").asText())) {
        ws = target.path("webSocketDebuggerUrl").asText();
      }
    }
    if (ws == null) {
      throw new IOException("Chromium has no page target");
    }
    LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(ws), new WebSocket.Listener() {
      private final StringBuilder partial = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket s, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
          try {
            inbox.add(JSON.readTree(partial.toString()));
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
          partial.setLength(0);
        }
        s.request(1);
        return null;
      }
    }).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    return new Chromium(p, profile, socket, inbox);
  }

  private static int waitForPort(Path file, Process p) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline) {
      if (Files.exists(file)) {
        List<String> lines = Files.readAllLines(file);
        if (!lines.isEmpty() && !lines.get(0).isBlank()) {
          return Integer.parseInt(lines.get(0).trim());
        }
      }
      if (!p.isAlive()) {
        throw new IOException("Chromium exited with " + p.exitValue());
      }
      Thread.sleep(50);
    }
    throw new IOException("Chromium did not open its DevTools port");
  }

  /** Sends a command and returns its result; events that arrive meanwhile are kept. */
  JsonNode call(String method, Object... keyValues) throws Exception {
    int id = nextId++;
    ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
    ObjectNode params = msg.putObject("params");
    for (int i = 0; i < keyValues.length; i += 2) {
      params.set((String) keyValues[i], JSON.valueToTree(keyValues[i + 1]));
    }
    socket.sendText(JSON.writeValueAsString(msg), true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    while (true) {
      JsonNode m = next();
      if (m.path("id").asInt(-1) == id) {
        if (m.has("error")) {
          throw new IOException(method + ": " + m.get("error"));
        }
        return m.path("result");
      }
      events.add(m);
    }
  }

  /** Waits for event {@code method} (or finds it among those already heard). */
  JsonNode await(String method) throws Exception {
    for (JsonNode e : events) {
      if (method.equals(e.path("method").asText())) {
        return e;
      }
    }
    while (true) {
      JsonNode m = next();
      events.add(m);
      if (method.equals(m.path("method").asText())) {
        return m;
      }
    }
  }

  private JsonNode next() throws Exception {
    JsonNode m = inbox.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (m == null) {
      throw new IOException("no answer from Chromium in " + TIMEOUT_SECONDS + " s");
    }
    return m;
  }

  /** Every event heard so far. */
  List<JsonNode> events() {
    return events;
  }

  /** Evaluates {@code js} in the page and returns its value (by value, so objects come back as JSON). */
  JsonNode eval(String js) throws Exception {
    JsonNode r = call("Runtime.evaluate", "expression", js, "returnByValue", true);
    if (r.has("exceptionDetails")) {
      throw new IOException("page script failed: " + r.get("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  @Override
  public void close() throws IOException {
    socket.abort();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

  static Duration timeout() {
    return Duration.ofSeconds(TIMEOUT_SECONDS);
  }
}

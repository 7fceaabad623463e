package dev.meshsim.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The smallest scenario the hostile-input tests run: one server, one light load, written to a file. */
final class TinyScenario {
  private TinyScenario() {}

  /** {@code dir/s.yaml}: {@code duration}, one server pod, 100 req/s, then {@code extra} YAML. */
  static Path write(Path dir, String duration, String extra) throws IOException {
    Path s = dir.resolve("s.yaml");
    Files.writeString(s, """
        duration: %s
        services:
          - name: server
            ports: [{name: http, port: 8080}]
            deployments: [{name: server, serviceTime: 1ms}]
        load: [{name: l, target: server:8080, arrival: {poisson: 100/s}}]
        """.formatted(duration) + extra);
    return s;
  }
}

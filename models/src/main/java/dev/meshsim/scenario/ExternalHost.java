package dev.meshsim.scenario;

import dev.meshsim.engine.random.Distribution;
import java.util.List;

/**
 * A server outside the mesh ({@code external:}), e.g. a public API: what answers when a sidecar
 * forwards a request to a ServiceEntry host or to {@code PassthroughCluster}. Its pod has no
 * sidecar and answers every request after {@code latency}, without a queue.
 *
 * @param host the DNS name callers use, lower-case, e.g. {@code api.example.com}
 * @param ports the ports it listens on (default {@code [80]})
 * @param latency the time from the request leaving the caller's node to the answer coming back
 *     (the internet round trip and the server's work together)
 */
public record ExternalHost(String host, List<Integer> ports, Distribution latency) {

  public ExternalHost {
    ports = List.copyOf(ports);
  }

  /** The name of its Deployment and the prefix of its pod's name. */
  public String deploymentName() {
    return "external-" + host;
  }
}

package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.mesh.MeshSimulation;
import dev.meshsim.result.TrafficStats;
import dev.meshsim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Istio 1.24's inbound retry policy ({@code reset-before-request}, 2 retries, Envoy's backoff): a
 * connect the app refuses is tried again by its own sidecar before the sidecar answers 503. The
 * client's retries are off, so that 1.23 and 1.24 differ only there (1.24 also stopped retrying 503
 * outbound).
 */
class InboundRetryTest {
  private static final double MS = 1e6;

  @TempDir Path tmp;

  private TrafficStats run(String version, String timeline, int rate) throws Exception {
    return run(version, timeline, rate, "http");
  }

  private TrafficStats run(String version, String timeline, int rate, String portName) throws Exception {
    Path file = tmp.resolve("inbound-" + version + "-" + portName + ".yaml");
    Files.writeString(file, """
        duration: 20s
        warmup: 1s
        services:
          - name: legacy
            ports: [{name: %s, port: 9080}]
            deployments:
              - {name: legacy-v1, workers: 64, serviceTime: 1ms, refuseConnections: true}
        load:
          - {name: users, target: legacy:9080, arrival: {poisson: %d/s}}
        istio:
          version: "%s"
          resources:
            - apiVersion: networking.istio.io/v1
              kind: VirtualService
              metadata: {name: legacy}
              spec:
                hosts: [legacy]
                http: [{route: [{destination: {host: legacy}}], retries: {attempts: 0}}]
        %s
        """.formatted(portName, rate, version, timeline));
    return MeshSimulation.run(ScenarioLoader.load(file).scenario()).loads().get("users");
  }

  /**
   * Two backoffs of Envoy's jittered exponential strategy, in whole ms: {@code random % 25} then
   * {@code random % 50}, means 12 and 24.5 ms. The 503 comes that much later from 1.24 on.
   */
  @Test
  void aRefusedConnectIsRetriedTwiceWithBackoff_fromIstio124_addingTheBackoffsMeanToEvery503() throws Exception {
    TrafficStats before = run("1.23", "", 200);
    TrafficStats after = run("1.24", "", 200);
    assertEquals(before.requests(), before.codes().get(503), "the app refuses everything");
    assertEquals(after.requests(), after.codes().get(503));
    double added = (after.latency().getMean() - before.latency().getMean()) / MS;
    // sd of one sum of backoffs ~16 ms; ~3,800 requests a run: a standard error of ~0.3 ms.
    assertEquals(36.5, added, 2.0, "mean latency added by the two backoffs (ms)");
    assertTrue(before.latency().getMaxValue() < 10 * MS, "no backoff before 1.24");
  }

  /** istiod gives a gRPC port's inbound route no retry policy: the 503 comes at once on 1.24 too. */
  @Test
  void aGrpcPortIsNotRetried() throws Exception {
    TrafficStats grpc = run("1.24", "", 200, "grpc");
    assertEquals(grpc.requests(), grpc.codes().get(503));
    assertTrue(grpc.latency().getMaxValue() < 10 * MS, "no backoff: max " + grpc.latency().getMaxValue() / MS + " ms");
  }

  /**
   * An app that starts listening while its sidecar backs off takes the retried connect: requests
   * refused in the last tens of milliseconds before the heal succeed from 1.24 on.
   */
  @Test
  void anAppThatStartsListeningDuringTheBackoff_takesTheRetriedRequest() throws Exception {
    String heal = "timeline: [{at: 10s, failure: {deployment: legacy-v1}}]";
    TrafficStats before = run("1.23", heal, 1000);
    TrafficStats after = run("1.24", heal, 1000);
    long saved = after.codes().get(200) - before.codes().get(200);
    // Requests arriving within b1 + b2 (mean 36.5 ms) of the heal: ~36 at 1000/s, sd ~6.
    assertTrue(saved >= 15 && saved <= 60, "requests saved by the inbound retry: " + saved);
  }
}

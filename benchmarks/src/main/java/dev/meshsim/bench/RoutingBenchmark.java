package dev.meshsim.bench;

import dev.meshsim.testkit.MeshPolicies;
import dev.meshsim.testkit.PolicyArbitraries;
import dev.meshsim.testkit.Request;
import dev.meshsim.testkit.RouteDecision;
import dev.meshsim.testkit.WeightedDestination;
import net.jqwik.api.sessions.JqwikSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The test kit's static routing, as a jqwik property calls it once per try: {@code route} and
 * {@code destinations} of requests drawn by the kit's own request arbitrary (1024 of them, cycled),
 * on a shipped scenario. One operation is one call, so ops/s are tries per second a property can
 * afford for routing alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RoutingBenchmark {
  @Param({"scenarios/reviews-canary.yaml", "scenarios/large-mesh.yaml"})
  public String scenario;

  private MeshPolicies mesh;
  private List<Request> requests;
  private int next;

  @Setup
  public void setUp() {
    mesh = MeshPolicies.load(Path.of(scenario));
    // A fixed sample (seed 42): the same requests on every run and machine.
    JqwikSession.start();
    try {
      requests = PolicyArbitraries.of(mesh).requests().generator(1000)
          .stream(new Random(42)).limit(1024).map(s -> s.value()).toList();
    } finally {
      JqwikSession.finish();
    }
  }

  private Request nextRequest() {
    Request r = requests.get(next);
    next = (next + 1) & 1023;
    return r;
  }

  @Benchmark
  public RouteDecision route() {
    return mesh.route(nextRequest());
  }

  @Benchmark
  public List<WeightedDestination> destinations() {
    return mesh.destinations(nextRequest());
  }
}

package dev.meshsim.testkit;

import dev.meshsim.istio.StringMatch;
import dev.meshsim.scenario.ServiceSpec;
import dev.meshsim.timeline.TimelineEvent.DeploymentRef;
import dev.meshsim.timeline.TimelineEvent.IstioObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;

/**
 * jqwik arbitraries over one scenario's policies. Requests are drawn from what the config's matches
 * mention (exact values, prefixes with a tail, the values loads send) and from outside them (other
 * values, absent headers, paths no rule names), so a property sees both the routed and the
 * unrouted. They shrink towards the simplest request: GET /, no headers, the first workload.
 *
 * <pre>{@code
 * PolicyArbitraries a = PolicyArbitraries.of(mesh);
 * @Provide Arbitrary<Request> requests() { return a.requestsTo("reviews:9080"); }
 * }</pre>
 */
public final class PolicyArbitraries {
  private final MeshPolicies mesh;
  private final RequestSpace space;

  private PolicyArbitraries(MeshPolicies mesh) {
    this.mesh = mesh;
    this.space = RequestSpace.of(mesh.scenario());
  }

  public static PolicyArbitraries of(MeshPolicies mesh) {
    return new PolicyArbitraries(mesh);
  }

  /** Requests to any service port of the scenario, from any client workload. */
  public Arbitrary<Request> requests() {
    return requestsTo(Arbitraries.of(space.authorities()));
  }

  /** Requests to one authority, e.g. {@code reviews:9080}. */
  public Arbitrary<Request> requestsTo(String authority) {
    return requestsTo(Arbitraries.just(authority));
  }

  private Arbitrary<Request> requestsTo(Arbitrary<String> authorities) {
    return Combinators.combine(authorities, methods(), paths(), headers(), clientNames(), randomValues())
        .as((authority, method, path, headers, source, random) ->
            new Request(method, authority, path, headers, source, random));
  }

  /** The client workloads (Deployments and loads), by name. */
  public Arbitrary<String> clientNames() {
    return Arbitraries.of(mesh.workloads().stream().map(Workload::name).distinct().toList());
  }

  public Arbitrary<Workload> clientWorkloads() {
    return Arbitraries.of(mesh.workloads());
  }

  /** The methods loads send and matches test, plus GET and POST. */
  public Arbitrary<String> methods() {
    return Arbitraries.of(List.copyOf(space.methods()));
  }

  /** Paths: the ones loads send, the ones uri matches name (prefixes with a tail), and others. */
  public Arbitrary<String> paths() {
    List<Arbitrary<String>> choices = new ArrayList<>();
    choices.add(Arbitraries.of(List.copyOf(space.sentPaths())));
    for (StringMatch uri : space.uris()) {
      choices.add(valuesFor(uri).filter(p -> p.startsWith("/")));
    }
    choices.add(segment().map(s -> "/" + s));
    return Arbitraries.oneOf(choices);
  }

  /** For each header a match tests or a load sends: a value that matches, another, or none. */
  public Arbitrary<Map<String, String>> headers() {
    List<String> names = List.copyOf(space.headerNames());
    if (names.isEmpty()) {
      return Arbitraries.just(Map.of());
    }
    List<Arbitrary<String>> perName = new ArrayList<>();
    for (String name : names) {
      perName.add(headerValue(name).injectNull(0.3));
    }
    return Combinators.combine(perName).as(values -> {
      Map<String, String> h = new TreeMap<>();
      for (int i = 0; i < names.size(); i++) {
        if (values.get(i) != null) {
          h.put(names.get(i), values.get(i));
        }
      }
      return h;
    });
  }

  /**
   * Apply plans of {@code objects}: each object reaches istiod at its own offset, a multiple of
   * {@code stepNanos} in [0, {@code maxOffsetNanos}], which gives every order and spacing at that
   * resolution. Shrinks towards the order given, all at once: a shrunk counterexample is the
   * written order with only the objects that matter moved, by the least that still fails.
   */
  public Arbitrary<ApplyPlan> applyPlans(List<IstioObject> objects, long maxOffsetNanos, long stepNanos) {
    // Uniform, not jqwik's default bias to small numbers: a gap matters when it exceeds the debounce.
    Arbitrary<List<Long>> offsets = Arbitraries.longs().between(0, maxOffsetNanos / stepNanos)
        .withDistribution(RandomDistribution.uniform()).map(n -> n * stepNanos).list().ofSize(objects.size());
    return offsets.map(o -> ApplyPlan.ofOffsets(objects, o));
  }

  /**
   * One pod of any Deployment with at least {@code minReplicas} replicas killed at a time in
   * [{@code fromNanos}, {@code toNanos}].
   */
  public Arbitrary<PodFailure> podFailures(long fromNanos, long toNanos, int minReplicas) {
    List<DeploymentRef> refs = new ArrayList<>();
    for (ServiceSpec s : mesh.scenario().services()) {
      s.deployments().stream().filter(d -> d.replicas() >= minReplicas)
          .forEach(d -> refs.add(new DeploymentRef(s.namespace(), d.name())));
    }
    return Combinators.combine(Arbitraries.of(refs),
        Arbitraries.longs().between(fromNanos, toNanos).withDistribution(RandomDistribution.uniform()))
        .as((ref, at) -> new PodFailure(ref, at, 1));
  }

  /** xDS delivery delays from 0 to {@code maxNanos} (each push takes this long to apply). */
  public Arbitrary<Long> deliveryDelays(long maxNanos) {
    return Arbitraries.longs().between(0, maxNanos).withDistribution(RandomDistribution.uniform());
  }

  /** Values of the weighted-cluster picker over the full range (router_check_tool's random_value). */
  public Arbitrary<Long> randomValues() {
    return Arbitraries.longs().between(0, 9_999);
  }

  private Arbitrary<String> headerValue(String name) {
    List<Arbitrary<String>> choices = new ArrayList<>();
    var sent = space.sentHeaderValues().get(name);
    if (sent != null) {
      choices.add(Arbitraries.of(List.copyOf(sent)));
    }
    for (StringMatch m : space.headers().getOrDefault(name, List.of())) {
      choices.add(valuesFor(m));
    }
    choices.add(segment());
    return Arbitraries.oneOf(choices);
  }

  /** Values that satisfy {@code m} where that can be built, and near misses. */
  private static Arbitrary<String> valuesFor(StringMatch m) {
    return switch (m.kind()) {
      case EXACT -> Arbitraries.of(m.value(), m.value().toUpperCase(java.util.Locale.ROOT), m.value() + "x");
      case PREFIX -> segment().map(tail -> m.value() + tail);
      case REGEX, PRESENT -> segment();
    };
  }

  private static Arbitrary<String> segment() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(0).ofMaxLength(6);
  }
}

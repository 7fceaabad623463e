package dev.meshsim.testkit.check;

import dev.meshsim.scenario.Durations;
import dev.meshsim.scenario.ScenarioLoader;
import dev.meshsim.testkit.MeshPolicies;
import dev.meshsim.testkit.PolicyException;
import dev.meshsim.testkit.Request;
import dev.meshsim.yaml.Position;
import dev.meshsim.yaml.YamlException;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import dev.meshsim.yaml.ReadLimits;
import dev.meshsim.yaml.SourceFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads a route-test file (YAML or JSON, which is YAML too) into tests bound to one scenario's
 * policies. The shape is router_check_tool's; meshsim adds a top-level {@code scenario} (the
 * scenario file, relative to the test file), {@code input.source}, {@code validate.code}, {@code
 * validate.flag}, {@code validate.route_name} and {@code simulate}.
 */
public final class RouteTestFile {
  static final List<String> TOP_KEYS = List.of("scenario", "tests");
  static final List<String> TEST_KEYS = List.of("test_name", "input", "validate", "simulate");
  static final List<String> INPUT_KEYS = List.of("authority", "path", "method", "random_value", "ssl", "internal",
      "additional_request_headers", "additional_headers", "source");
  /** Fields meshsim checks. */
  static final List<String> VALIDATE_KEYS = List.of("cluster_name", "virtual_host_name", "route_name", "code", "flag");
  /** router_check_tool's fields for rewrites, redirects and headers: meshsim models none of them. */
  static final List<String> UNMODELLED_KEYS = List.of("virtual_cluster_name", "host_rewrite", "path_rewrite",
      "path_redirect", "request_header_matches", "response_header_matches", "header_fields", "custom_header_fields");
  static final List<String> SIMULATE_KEYS = List.of("rate", "duration", "seed", "expect");
  static final List<String> EXPECT_KEYS = List.of("codes", "flags", "clusters", "latency");
  static final List<String> QUANTILES = List.of("p50", "p90", "p99", "p999", "max");

  /** The tests and the scenario they run against. */
  public record Suite(MeshPolicies mesh, List<RouteTest> tests) {}

  private RouteTestFile() {}

  /**
   * Reads {@code file}. {@code scenario} is the {@code --scenario} option (null: the file's {@code
   * scenario} key); {@code loader} loads a scenario path into policies.
   */
  public static Suite read(Path file, Path scenario, Function<Path, MeshPolicies> loader) {
    try {
      List<YamlNode> docs = new SourceFiles(ReadLimits.DEFAULT).read(file);
      if (docs.size() != 1) {
        throw new YamlException(new Position(file.toString(), 1, 1), "", docs.isEmpty() ? "the file is empty"
            : "a test file holds one document");
      }
      YamlMap root = docs.get(0).asMap().allowOnly(TOP_KEYS);
      MeshPolicies mesh = loader.apply(scenarioPath(root, file, scenario));
      List<RouteTest> tests = new ArrayList<>();
      for (YamlNode t : root.required("tests").asList().requireSize(1, "test").items()) {
        tests.add(test(t.asMap(), mesh));
      }
      return new Suite(mesh, tests);
    } catch (YamlException e) {
      throw new PolicyException(e.getMessage(), e);
    }
  }

  private static Path scenarioPath(YamlMap root, Path file, Path option) {
    if (option != null) {
      return option;
    }
    YamlNode s = root.get("scenario");
    if (s == null) {
      throw root.fail("no scenario: give --scenario or a top-level 'scenario:' key naming the scenario file");
    }
    Path named = Path.of(s.asNonEmptyString());
    Path resolved = named.isAbsolute() || file.getParent() == null ? named : file.getParent().resolve(named);
    // A missing scenario is the key's mistake: say so at the key, not at the scenario's own name.
    if (!java.nio.file.Files.exists(resolved)) {
      throw s.fail("no such file: " + resolved + (named.isAbsolute() ? "" : " (relative to the test file's directory)"));
    }
    return resolved;
  }

  private static RouteTest test(YamlMap t, MeshPolicies mesh) {
    t.allowOnly(TEST_KEYS);
    String name = t.string("test_name");
    Request request = input(t.required("input").asMap(), mesh);
    Map<String, String> expected = validate(t.required("validate").asMap());
    SimulateSpec simulate = t.has("simulate") ? simulate(t.get("simulate").asMap(), mesh, request, t) : null;
    return new RouteTest(name, request, expected, simulate, t.position());
  }

  private static Request input(YamlMap in, MeshPolicies mesh) {
    in.allowOnly(INPUT_KEYS);
    String authority = in.string("authority");
    String path = in.string("path");
    if (!path.startsWith("/")) {
      throw in.required("path").fail("expected a path starting with '/', got " + in.required("path").describe());
    }
    String method = in.string("method");
    long random = randomValue(in.get("random_value"));
    Map<String, String> headers = new TreeMap<>();
    headers(in, "additional_request_headers", headers);
    headers(in, "additional_headers", headers); // the older name of the same field
    // router_check_tool: ssl sets x-forwarded-proto to https (else http); internal sets x-envoy-internal
    headers.put("x-forwarded-proto", in.bool("ssl", false) ? "https" : "http");
    if (in.bool("internal", false)) {
      headers.put("x-envoy-internal", "true");
    }
    String source = in.has("source") ? source(in.get("source"), mesh) : null;
    Request r = new Request(method, authority, path, headers, source, random);
    try {
      r.port();
    } catch (IllegalArgumentException e) {
      throw in.required("authority").fail(e.getMessage());
    }
    return r;
  }

  /** A uint64 as proto3's JSON mapping allows it: a number, or its digits as a string. */
  private static long randomValue(YamlNode node) {
    if (node == null) {
      return 0;
    }
    if (node instanceof dev.meshsim.yaml.YamlScalar s && s.quoted() && s.text().matches("[0-9]{1,18}")) {
      return Long.parseLong(s.text());
    }
    return node.asLong(0, Long.MAX_VALUE);
  }

  private static String source(YamlNode node, MeshPolicies mesh) {
    String name = node.asNonEmptyString();
    try {
      mesh.workload(name);
    } catch (IllegalArgumentException e) {
      throw node.fail(e.getMessage());
    }
    return name;
  }

  private static void headers(YamlMap in, String key, Map<String, String> into) {
    for (YamlNode h : in.list(key)) {
      YamlMap kv = h.asMap().allowOnly("key", "value");
      into.put(kv.string("key").toLowerCase(Locale.ROOT), kv.string("value", ""));
    }
  }

  private static Map<String, String> validate(YamlMap v) {
    for (String key : v.keys()) {
      if (UNMODELLED_KEYS.contains(key)) {
        throw v.failAtKey(key, key + " is router_check_tool's, but meshsim models no rewrites, redirects or "
            + "header changes; meshsim checks " + String.join(", ", VALIDATE_KEYS));
      }
    }
    v.allowOnly(VALIDATE_KEYS);
    Map<String, String> expected = new LinkedHashMap<>();
    for (String key : VALIDATE_KEYS) {
      YamlNode node = v.keys().contains(key) ? v.get(key) : null;
      if (v.keys().contains(key)) {
        expected.put(key, node == null ? "" : checked(key, node));
      }
    }
    if (expected.isEmpty()) {
      throw v.fail("validate needs at least one of " + String.join(", ", VALIDATE_KEYS));
    }
    return expected;
  }

  private static String checked(String key, YamlNode node) {
    if (key.equals("code")) {
      boolean none = node instanceof dev.meshsim.yaml.YamlScalar sc && sc.text().isEmpty();
      return none ? "" : Integer.toString(node.asInt(100, 599));
    }
    return node.asString();
  }

  private static SimulateSpec simulate(YamlMap s, MeshPolicies mesh, Request request, YamlMap test) {
    s.allowOnly(SIMULATE_KEYS);
    if (mesh.service(request) == null) {
      throw test.failAtKey("simulate", "cannot simulate a request to " + request.host()
          + ": not a service of the scenario");
    }
    double rate = s.optional("rate").map(n -> n.parse("a rate such as 100/s", Durations::parseRatePerSecond))
        .orElse(100.0);
    long duration = s.optional("duration").map(n -> n.parse("a duration such as 10s", Durations::parseNanos))
        .orElse(10_000_000_000L);
    String badDuration = ScenarioLoader.durationProblem(duration);
    if (badDuration != null) {
      throw s.get("duration").fail(badDuration);
    }
    Long seed = s.has("seed") ? s.longInt("seed", 1, 0, Long.MAX_VALUE) : null;
    YamlMap e = s.required("expect").asMap().allowOnly(EXPECT_KEYS);
    Map<String, Bound> latency = bounds(e, "latency", Bound::latency);
    for (String q : latency.keySet()) {
      if (!QUANTILES.contains(q)) {
        throw e.get("latency").asMap().failAtKey(q, YamlMap.unknownKeyProblem(q, QUANTILES));
      }
    }
    return new SimulateSpec(rate, duration, seed, bounds(e, "codes", Bound::rate), bounds(e, "flags", Bound::rate),
        bounds(e, "clusters", Bound::rate), latency);
  }

  private static Map<String, Bound> bounds(YamlMap e, String key, Function<YamlNode, Bound> parse) {
    Map<String, Bound> out = new TreeMap<>();
    YamlNode node = e.get(key);
    if (node != null) {
      YamlMap m = node.asMap();
      for (String k : m.keys()) {
        out.put(k, parse.apply(m.required(k)));
      }
    }
    return out;
  }
}

package dev.meshsim.testkit.check;

import dev.meshsim.testkit.Request;
import dev.meshsim.yaml.Position;
import java.util.Map;

/**
 * One test of a route-test file.
 *
 * @param name {@code test_name}
 * @param request the {@code input}, with {@code ssl}/{@code internal} already turned into the
 *     headers router_check_tool sets ({@code x-forwarded-proto}, {@code x-envoy-internal})
 * @param expected the {@code validate} fields, by name, as written ({@code ""} means "none")
 * @param simulate the {@code simulate} block, or null
 * @param position where the test starts, for messages
 */
public record RouteTest(String name, Request request, Map<String, String> expected, SimulateSpec simulate,
    Position position) {

  public RouteTest {
    expected = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(expected));
  }
}

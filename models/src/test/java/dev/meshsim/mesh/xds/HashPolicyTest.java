package dev.meshsim.mesh.xds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.meshsim.istio.ConsistentHashLb;
import dev.meshsim.istio.ConsistentHashLb.Algorithm;
import dev.meshsim.mesh.routing.RequestAttributes;
import dev.meshsim.mesh.upstream.HashPolicy;
import dev.meshsim.mesh.upstream.LoadBalancer;
import dev.meshsim.mesh.upstream.XxHash64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Envoy hashes for each Istio {@code consistentHash} key (hash_policy.cc). */
class HashPolicyTest {
  private static final long NONE = LoadBalancer.NO_HASH;

  private static RequestAttributes request(Map<String, String> query, Map<String, String> headers) {
    return new RequestAttributes("svc.default.svc.cluster.local", 80, "svc", "GET", "/", query, headers);
  }

  private static ConsistentHashLb key(String header, String cookie, boolean sourceIp, String query) {
    return new ConsistentHashLb(header, cookie == null ? null : new ConsistentHashLb.HttpCookie(cookie, null, null),
        sourceIp, query, Algorithm.RING_HASH, null, null);
  }

  @Test
  void headerValueIsHashedAndAnAbsentHeaderGivesNoHash() {
    HashPolicy p = ClusterPolicies.hashPolicy(key("X-User", null, false, null));
    assertEquals(new HashPolicy(HashPolicy.Source.HEADER, "x-user"), p);
    assertEquals(XxHash64.hash("alice"), p.hash(request(Map.of(), Map.of("x-user", "alice")), "10.0.0.1"));
    assertEquals(XxHash64.hash(""), p.hash(request(Map.of(), Map.of("x-user", "")), "10.0.0.1"));
    assertEquals(NONE, p.hash(request(Map.of(), Map.of("x-other", "alice")), "10.0.0.1"));
  }

  @Test
  void cookieValueIsParsedFromTheCookieHeader() {
    HashPolicy p = ClusterPolicies.hashPolicy(key(null, "user", false, null));
    assertEquals(XxHash64.hash("jason"), p.hash(request(Map.of(), Map.of("cookie", "session=abc; user=jason")), null));
    assertEquals(XxHash64.hash("jason"), p.hash(request(Map.of(), Map.of("cookie", "user=\"jason\"")), null));
    assertEquals(NONE, p.hash(request(Map.of(), Map.of("cookie", "session=abc; username=x")), null));
    assertEquals(NONE, p.hash(request(Map.of(), Map.of("cookie", "user=")), null), "empty counts as absent");
    assertEquals(NONE, p.hash(request(Map.of(), Map.of()), null), "no cookie generated: not modelled");
    assertEquals("b", HashPolicy.cookie("a=1;user=b;user=c", "user"), "the first wins");
    assertNull(HashPolicy.cookie("user", "user"), "a pair without '=' is skipped");
  }

  @Test
  void sourceIpIsTheClientPodsAddressWithoutPort() {
    HashPolicy p = ClusterPolicies.hashPolicy(key(null, null, true, null));
    assertEquals(XxHash64.hash("10.0.3.7"), p.hash(request(Map.of(), Map.of()), "10.0.3.7"));
    assertNull(ClusterPolicies.hashPolicy(key(null, null, false, null)), "useSourceIp: false sends no hash policy");
  }

  @Test
  void queryParameterFirstValueIsHashed() {
    HashPolicy p = ClusterPolicies.hashPolicy(key(null, null, false, "session"));
    assertEquals(XxHash64.hash("42"), p.hash(request(Map.of("session", "42"), Map.of()), null));
    assertEquals(NONE, p.hash(request(Map.of("Session", "42"), Map.of()), null), "names are case-sensitive");
  }

  @Test
  void noConsistentHashNoPolicy() {
    assertNull(ClusterPolicies.hashPolicy(null));
  }
}

package dev.meshsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link IstioProtocol} against istio's {@code ConvertProtocol} and {@code protocol.Parse}: the
 * cases istio's own conversion tests list, and properties over generated names.
 */
class IstioProtocolTest {
  private static final Set<Integer> WELL_KNOWN = Set.of(25, 53, 3306, 27017);

  @Test
  void namesAppProtocolsAndWellKnownPortsAsIstioConvertsThem() {
    assertEquals(IstioProtocol.HTTP, IstioProtocol.of("http-web", null, "TCP", 9080));
    assertEquals(IstioProtocol.HTTP, IstioProtocol.of("HTTP", null, "TCP", 9080), "case-insensitive");
    assertEquals(IstioProtocol.GRPC_WEB, IstioProtocol.of("grpc-web-x", null, "TCP", 9080));
    assertEquals(IstioProtocol.AUTO, IstioProtocol.of("web", null, "TCP", 9080));
    assertEquals(IstioProtocol.AUTO, IstioProtocol.of("foo-http", null, "TCP", 9080), "only the prefix counts");
    assertEquals(IstioProtocol.TCP, IstioProtocol.of("", null, "TCP", 3306), "well-known ports are never sniffed");
    assertEquals(IstioProtocol.MYSQL, IstioProtocol.of("mysql", null, "TCP", 3306));
    assertEquals(IstioProtocol.UDP, IstioProtocol.of("http", "http", "UDP", 53));
    assertEquals(IstioProtocol.HTTP2, IstioProtocol.of("tcp", "kubernetes.io/h2c", "TCP", 80));
    assertEquals(IstioProtocol.HTTPS, IstioProtocol.of("http", "kubernetes.io/wss", "TCP", 443));
    assertEquals(IstioProtocol.TCP, IstioProtocol.of("http-web", "tcp", "TCP", 9080), "appProtocol replaces the name");
    assertEquals(IstioProtocol.AUTO, IstioProtocol.of("http-web", "example.com/custom", "TCP", 9080),
        "an unknown appProtocol is auto-detected, not a fallback to the name");
  }

  @Test
  void serviceEntryProtocolsParseOrAreRejected() {
    assertEquals(IstioProtocol.AUTO, IstioProtocol.ofServiceEntry(""));
    assertEquals(IstioProtocol.TLS, IstioProtocol.ofServiceEntry("TLS"));
    assertEquals(IstioProtocol.GRPC_WEB, IstioProtocol.ofServiceEntry("GRPC-WEB"));
    assertNull(IstioProtocol.ofServiceEntry("QUIC"));
  }

  @Provide
  Arbitrary<String> prefixes() {
    return Arbitraries.of("http", "http2", "grpc", "https", "tls", "tcp", "mongo", "redis", "mysql", "web", "x", "");
  }

  /** A set appProtocol decides alone: whatever the port's name, the result is appProtocol's own. */
  @Property(tries = 200)
  void aSetAppProtocolDecidesWhateverTheName(@ForAll("prefixes") String app, @ForAll("prefixes") String name,
      @ForAll("suffixes") String suffix, @ForAll("ports") int port) {
    IstioProtocol alone = IstioProtocol.of(app, null, "TCP", port);
    assertEquals(alone, IstioProtocol.of(name + suffix, app, "TCP", port));
  }

  /** Only the prefix before the first '-' counts; an unknown one is sniffed unless the port is well known. */
  @Property(tries = 200)
  void theSuffixNeverMatters(@ForAll("prefixes") String prefix, @ForAll("suffixes") String suffix,
      @ForAll("ports") int port) {
    Assume.that(!(prefix + suffix).startsWith("grpc-web")); // grpc-web is the one prefix with a '-'
    IstioProtocol p = IstioProtocol.of(prefix + suffix, null, "TCP", port);
    assertEquals(IstioProtocol.of(prefix, null, "TCP", port), p);
    if (p == IstioProtocol.AUTO) {
      assertEquals(false, WELL_KNOWN.contains(port));
    }
  }

  @Provide
  Arbitrary<String> suffixes() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(6).map(s -> s.isEmpty() ? "" : "-" + s);
  }

  @Provide
  Arbitrary<Integer> ports() {
    return Arbitraries.oneOf(Arbitraries.of(25, 53, 3306, 27017), Arbitraries.integers().between(1, 65535));
  }
}

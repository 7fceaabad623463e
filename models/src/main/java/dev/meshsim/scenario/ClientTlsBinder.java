package dev.meshsim.scenario;

import dev.meshsim.istio.ClientTls;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import java.util.List;

/**
 * A DestinationRule's {@code tls} ({@code ClientTLSSettings}), checked as istiod's {@code
 * validateTLS} checks it: ISTIO_MUTUAL takes no certificate fields, MUTUAL needs {@code clientCertificate} and {@code privateKey} unless a
 * {@code credentialName} supplies them, and a {@code credentialName} excludes the file fields.
 * Certificates, SNI and SANs are accepted and not kept: meshsim's handshakes do not depend on them.
 */
final class ClientTlsBinder {
  static final List<String> KEYS = List.of("mode", "clientCertificate", "privateKey", "caCertificates",
      "credentialName", "subjectAltNames", "sni", "insecureSkipVerify", "caCrl");

  private ClientTlsBinder() {}

  /** The {@code tls} block, or null when absent. Without {@code mode} it is DISABLE, the proto's default. */
  static ClientTls bind(YamlNode node) {
    if (node == null) {
      return null;
    }
    YamlMap m = node.asMap().allowOnly(KEYS);
    ClientTls.Mode mode = m.optional("mode").map(n -> IstioFields.enumValue(n, ClientTls.Mode.class))
        .orElse(ClientTls.Mode.DISABLE);
    if (mode == ClientTls.Mode.ISTIO_MUTUAL) {
      for (String key : List.of("clientCertificate", "privateKey", "caCertificates", "credentialName")) {
        if (m.has(key)) {
          throw m.failAtKey(key, "cannot specify " + key + " when tls mode is ISTIO_MUTUAL (istiod rejects it: the"
              + " workload's own certificate is used)");
        }
      }
    }
    boolean credential = m.has("credentialName");
    if ((mode == ClientTls.Mode.SIMPLE || mode == ClientTls.Mode.MUTUAL) && credential) {
      for (String file : List.of("clientCertificate", "privateKey", "caCertificates", "caCrl")) {
        if (m.has(file)) {
          throw m.failAtKey(file, "cannot specify client certificates or CA certificate or CA CRL if"
              + " credentialName is set (istiod rejects it)");
        }
      }
    } else if (mode == ClientTls.Mode.MUTUAL) {
      for (String file : List.of("clientCertificate", "privateKey")) {
        if (!m.has(file)) {
          throw m.fail((file.equals("privateKey") ? "private key" : "client certificate")
              + " required for mutual tls (" + file + ", or credentialName)");
        }
      }
    }
    return new ClientTls(mode);
  }
}

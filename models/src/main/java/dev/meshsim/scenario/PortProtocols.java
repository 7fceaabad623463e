package dev.meshsim.scenario;

import dev.meshsim.yaml.YamlList;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;

/**
 * Load-time hints about the protocol a port gets. istiod itself says nothing about an {@code
 * appProtocol} it does not know (istio {@code ConvertProtocol} parses it like a port name and
 * auto-detects what it cannot parse), which is how a typo silently turns an HTTP port's routing
 * rules off where protocol sniffing is disabled; meshsim warns at the value.
 */
final class PortProtocols {
  private PortProtocols() {}

  /** Warns at each {@code appProtocol} of {@code ports} that selects no protocol Istio knows. */
  static void warnUnknownAppProtocols(YamlList ports, Warnings warnings) {
    for (YamlNode node : ports.items()) {
      if (node instanceof YamlMap m && m.has("appProtocol")) {
        warnUnknown(m.required("appProtocol"), warnings);
      }
    }
  }

  static void warnUnknown(YamlNode appProtocol, Warnings warnings) {
    String value = appProtocol.asString();
    if (IstioProtocol.of("", value, "TCP", 1) == IstioProtocol.AUTO) {
      warnings.add(appProtocol, "appProtocol " + dev.meshsim.yaml.YamlScalar.quote(value)
          + " is no protocol Istio knows: Istio auto-detects this port's protocol (HTTP for HTTP clients"
          + " while protocol sniffing is on, else TCP, where HTTP routes do not apply)");
    }
  }
}

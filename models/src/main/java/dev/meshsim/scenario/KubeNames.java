package dev.meshsim.scenario;

import dev.meshsim.yaml.YamlNode;
import dev.meshsim.yaml.YamlScalar;
import com.google.re2j.Pattern;

/**
 * Names as the Kubernetes API server and istiod validate them, so that meshsim rejects what they
 * reject, with their rule in the message.
 *
 * <ul>
 *   <li>An object's {@code metadata.name} (Istio resources are custom resources): an RFC 1123
 *       subdomain, at most 253 characters ({@code NameIsDNSSubdomain}, k8s.io/apimachinery
 *       validation, {@code IsDNS1123Subdomain}).
 *   <li>{@code metadata.namespace}: an RFC 1123 label, at most 63 characters ({@code
 *       ValidateNamespaceName}, {@code IsDNS1123Label}).
 *   <li>A DestinationRule subset name, and the {@code subset} a route names: an RFC 1123 label
 *       (istio pkg/config/validation {@code validateSubsetName}: "subset name is invalid").
 * </ul>
 */
final class KubeNames {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  static final String LABEL_RULE = "an RFC 1123 label: lower-case letters, digits and '-', starting and ending"
      + " with a letter or digit, at most 63 characters";
  static final String SUBDOMAIN_RULE = "an RFC 1123 subdomain: lower-case letters, digits, '-' and '.', starting"
      + " and ending with a letter or digit, at most 253 characters";

  private KubeNames() {}

  static boolean isLabel(String s) {
    return s.length() <= 63 && LABEL.matcher(s).matches();
  }

  /** {@code metadata.name} of an object, as the API server checks it. */
  static String objectName(YamlNode node) {
    String s = node.asNonEmptyString();
    if (s.length() > 253 || !SUBDOMAIN.matcher(s).matches()) {
      throw node.fail("metadata.name " + YamlScalar.quote(s) + " is invalid: the API server requires " + SUBDOMAIN_RULE);
    }
    return s;
  }

  /** {@code metadata.namespace} of an object, as the API server checks it. */
  static String namespace(YamlNode node) {
    String s = node.asNonEmptyString();
    if (!isLabel(s)) {
      throw node.fail("namespace " + YamlScalar.quote(s) + " is invalid: the API server requires " + LABEL_RULE);
    }
    return s;
  }

  /** A subset name, as istiod checks it in DestinationRules and in route destinations. */
  static String subset(YamlNode node) {
    String s = node.asNonEmptyString();
    if (!isLabel(s)) {
      throw node.fail("subset name is invalid: " + YamlScalar.quote(s) + "; istiod requires " + LABEL_RULE);
    }
    return s;
  }
}

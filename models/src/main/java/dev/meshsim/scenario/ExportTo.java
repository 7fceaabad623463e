package dev.meshsim.scenario;

import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A resource's {@code exportTo}, checked as istiod's validation checks it (istio
 * {@code pkg/config/validation} {@code validateExportTo}): each entry is {@code .} (this namespace),
 * {@code *} (every namespace) or a namespace name; no entry twice; {@code *} stands alone.
 */
final class ExportTo {

  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  private ExportTo() {}

  /** {@code spec.exportTo}, empty when absent (the mesh default, every namespace). */
  static List<String> bind(YamlMap spec) {
    return bind(spec, "exportTo");
  }

  /**
   * A ServiceEntry's {@code spec.exportTo}, which may also be {@code ~}: visible to no namespace
   * (istio {@code validateExportTo} allows it for ServiceEntries only).
   */
  static List<String> bindServiceEntry(YamlMap spec) {
    return bind(spec, "exportTo", true);
  }

  /** A list of exportTo values under {@code key} (also meshConfig's {@code default…ExportTo}). */
  static List<String> bind(YamlMap spec, String key) {
    return bind(spec, key, false);
  }

  private static List<String> bind(YamlMap spec, String key, boolean allowNone) {
    List<String> out = new ArrayList<>();
    for (YamlNode node : spec.list(key)) {
      String value = node.asString();
      boolean none = allowNone && value.equals("~");
      if (!none && !value.equals(".") && !value.equals("*") && !NAMESPACE.matcher(value).matches()) {
        throw node.expected("\".\" (this namespace), \"*\" (every namespace) or a namespace name");
      }
      if (out.contains(value)) {
        throw node.fail(key + " lists " + value + " twice");
      }
      out.add(value);
    }
    if (out.contains("*") && out.size() > 1) {
      throw spec.failAtKey(key, key + " \"*\" (every namespace) cannot be combined with other values");
    }
    return out;
  }
}

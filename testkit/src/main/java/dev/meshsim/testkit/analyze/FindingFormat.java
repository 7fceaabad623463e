package dev.meshsim.testkit.analyze;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.meshsim.scenario.IstioVersion;
import dev.meshsim.testkit.Printable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The output formats of {@code istioctl analyze --output}: {@code log} (one line per message, here
 * called {@code text} too), {@code json} and {@code yaml}: a list of objects with istioctl's keys
 * ({@code code}, {@code documentationUrl}, {@code level}, {@code message}, {@code origin}; istio
 * {@code pkg/config/analysis/diag/message.go}, {@code Unstructured}), in the sorted key order Go's
 * encoder writes, plus meshsim's {@code impact}.
 */
public final class FindingFormat {
  private FindingFormat() {}

  public static String text(List<Finding> findings, String scenarioName) {
    if (findings.isEmpty()) {
      return "\u2714 No validation issues found when analyzing scenario " + Printable.escape(scenarioName) + ".\n";
    }
    StringBuilder out = new StringBuilder();
    for (Finding f : findings) {
      out.append(Printable.escape(f.line())).append('\n');
      if (f.impact() != null) {
        out.append("    predicted: ").append(Printable.escape(f.impact())).append('\n');
      }
    }
    return out.toString();
  }

  public static String json(List<Finding> findings, IstioVersion version) {
    // Go's json.MarshalIndent look: "key": value, two-space indent, one element per line
    var printer = new com.fasterxml.jackson.core.util.DefaultPrettyPrinter()
        .withSeparators(com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER));
    printer.indentArraysWith(com.fasterxml.jackson.core.util.DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
    printer.indentObjectsWith(new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n"));
    return write(new ObjectMapper().writer(printer), findings, version) + "\n";
  }

  public static String yaml(List<Finding> findings, IstioVersion version) {
    YAMLFactory f = YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).disable(YAMLGenerator.Feature.SPLIT_LINES).build();
    return write(new ObjectMapper(f).writer(), findings, version);
  }

  private static String write(com.fasterxml.jackson.databind.ObjectWriter mapper, List<Finding> findings, IstioVersion version) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Finding fi : findings) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", fi.code());
      if (fi.code().startsWith("IST")) {
        m.put("documentationUrl", documentationUrl(fi.code(), version));
      }
      if (fi.impact() != null) {
        m.put("impact", fi.impact());
      }
      m.put("level", fi.level().name());
      m.put("message", fi.message());
      m.put("origin", fi.origin());
      list.add(m);
    }
    try {
      return mapper.writeValueAsString(list);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * istio {@code pkg/url}: {@code https://istio.io/v<major.minor>/docs/reference/config/analysis/<code>/},
   * with the {@code ?ref=istioctl-analyze} istioctl adds ({@code Messages.SetDocRef} before it prints).
   */
  static String documentationUrl(String code, IstioVersion version) {
    return "https://istio.io/v" + version + "/docs/reference/config/analysis/" + code.toLowerCase(Locale.ROOT)
        + "/?ref=istioctl-analyze";
  }
}

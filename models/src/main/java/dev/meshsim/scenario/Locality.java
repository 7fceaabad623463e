package dev.meshsim.scenario;

import com.google.re2j.Pattern;

/**
 * Where a pod runs, as Envoy's {@code core.Locality} and Istio's {@code region/zone/subzone} form
 * name it (istio {@code util.ConvertLocality}; from the node's {@code topology.kubernetes.io/region},
 * {@code topology.kubernetes.io/zone} and {@code topology.istio.io/subzone} labels). Parts left out
 * are empty, and so is every part of {@link #NONE}.
 *
 * @param region the region, or ""
 * @param zone the zone, or ""
 * @param subzone the subzone, or ""
 */
public record Locality(String region, String zone, String subzone) {

  /** No locality: what a pod has unless the scenario gives one. */
  public static final Locality NONE = new Locality("", "", "");

  /** One part: no '/', no white space. */
  private static final Pattern PART = Pattern.compile("[^/\\s]+");

  public Locality {
    if (region == null || zone == null || subzone == null) {
      throw new IllegalArgumentException("locality parts must not be null; use \"\"");
    }
  }

  /**
   * Parses {@code region}, {@code region/zone} or {@code region/zone/subzone}; "" is {@link #NONE}.
   *
   * @throws IllegalArgumentException when there are more than three parts or a part is empty
   */
  public static Locality parse(String text) {
    if (text.isEmpty()) {
      return NONE;
    }
    String[] parts = text.split("/", -1);
    if (parts.length > 3) {
      throw new IllegalArgumentException("at most three parts: region/zone/subzone");
    }
    for (String part : parts) {
      if (!PART.matcher(part).matches()) {
        throw new IllegalArgumentException("each part must be non-empty, without spaces");
      }
    }
    return new Locality(parts[0], parts.length > 1 ? parts[1] : "", parts.length > 2 ? parts[2] : "");
  }

  /** {@code region/zone/subzone} without trailing empty parts; "" for {@link #NONE}. */
  @Override
  public String toString() {
    String s = region + "/" + zone + "/" + subzone;
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '/') {
      end--;
    }
    return s.substring(0, end);
  }
}

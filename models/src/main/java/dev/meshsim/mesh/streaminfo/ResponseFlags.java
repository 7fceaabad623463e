package dev.meshsim.mesh.streaminfo;

/**
 * The set of response flags of one request, printed as Envoy prints them: {@code -} when empty,
 * otherwise the short names joined by commas, in Envoy's enum order. A bit set: no allocation per
 * flag.
 */
public final class ResponseFlags {
  private static final ResponseFlag[] ALL = ResponseFlag.values();
  private int bits;

  public void add(ResponseFlag flag) {
    bits |= 1 << flag.ordinal();
  }

  public boolean has(ResponseFlag flag) {
    return (bits & (1 << flag.ordinal())) != 0;
  }

  public boolean isEmpty() {
    return bits == 0;
  }

  @Override
  public String toString() {
    if (bits == 0) {
      return "-";
    }
    StringBuilder s = new StringBuilder();
    for (ResponseFlag f : ALL) {
      if (has(f)) {
        if (s.length() > 0) {
          s.append(',');
        }
        s.append(f.shortName());
      }
    }
    return s.toString();
  }
}

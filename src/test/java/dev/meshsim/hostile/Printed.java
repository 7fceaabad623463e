package dev.meshsim.hostile;

/** What the contract says about anything meshsim prints. */
final class Printed {
  private Printed() {}

  /** The first raw control, C1 or format character other than a line break, or -1. */
  static int firstRawControl(String printed) {
    for (int i = 0; i < printed.length(); i++) {
      int cp = printed.codePointAt(i);
      if (cp == '\n') {
        continue;
      }
      if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || Character.getType(cp) == Character.FORMAT
          || Character.getType(cp) == Character.SURROGATE || cp == 0x2028 || cp == 0x2029) {
        return i;
      }
    }
    return -1;
  }
}

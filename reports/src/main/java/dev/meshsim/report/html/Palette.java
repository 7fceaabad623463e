package dev.meshsim.report.html;

import java.awt.Color;

/** Colours that mean something: 2xx green, 3xx blue, 4xx orange, 5xx red; no flag green, UO red … */
final class Palette {
  private static final Color[] OK = {new Color(0x7EB26D), new Color(0x508642), new Color(0xB7DBAB)};
  private static final Color[] REDIRECT = {new Color(0x1F78C1), new Color(0x6ED0E0)};
  private static final Color[] CLIENT = {new Color(0xEF843C), new Color(0xEAB839), new Color(0xF9BA8F)};
  private static final Color[] SERVER = {new Color(0xE24D42), new Color(0xBF1B00), new Color(0xF29191),
    new Color(0x890F02), new Color(0xBA43A9)};
  private static final Color[] FLAGS = {new Color(0xE24D42), new Color(0xEF843C), new Color(0xBA43A9),
    new Color(0x705DA0), new Color(0xEAB839), new Color(0x1F78C1), new Color(0x890F02), new Color(0x6ED0E0)};

  private Palette() {}

  static Color code(int code, int index) {
    Color[] family = code < 300 ? OK : code < 400 ? REDIRECT : code < 500 ? CLIENT : SERVER;
    return family[index % family.length];
  }

  static Color flag(String flags, int index) {
    return "-".equals(flags) ? OK[0] : FLAGS[index % FLAGS.length];
  }
}

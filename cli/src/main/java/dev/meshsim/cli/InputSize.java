package dev.meshsim.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code --max-input-size}: bytes, or a whole number of KiB, MiB or GiB (KB, MB, GB mean the same). */
final class InputSize {
  private static final Pattern FORM = Pattern.compile("([0-9]{1,12})\\s*([KMG]I?B)?");

  private InputSize() {}

  static long parse(String text) {
    Matcher m = FORM.matcher(text.strip().toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      throw new BadInputException("--max-input-size: expected a size such as 64MiB or 1000000, got \""
          + text + "\"", null);
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "B" : m.group(2).substring(0, 1);
    int shift = switch (unit) {
      case "K" -> 10;
      case "M" -> 20;
      case "G" -> 30;
      default -> 0;
    };
    if (n < 1 || n > (Integer.MAX_VALUE >> shift)) {
      throw new BadInputException("--max-input-size: must be between 1 byte and 2GiB", null);
    }
    return n << shift;
  }
}

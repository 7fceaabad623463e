package dev.meshsim.plan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --range LO..HI}: inclusive bounds of a search.
 *
 * @param lo lower bound
 * @param hi upper bound, at least {@code lo}
 */
public record Range(double lo, double hi) {
  private static final Pattern RANGE = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)(?:/s)?\\s*\\.\\.\\s*(\\d+(?:\\.\\d+)?)(?:/s)?\\s*");

  /** Parses {@code text}; {@code integers} demands whole numbers (replica counts). */
  public static Range parse(String text, boolean integers) {
    Matcher m = RANGE.matcher(text);
    String form = integers ? "LO..HI with whole numbers, e.g. 1..32" : "LO..HI, e.g. 100..5000 (requests/s)";
    if (!m.matches()) {
      throw new PlanInputException("--range '" + text + "': expected " + form + ".");
    }
    double lo = Double.parseDouble(m.group(1));
    double hi = Double.parseDouble(m.group(2));
    if (integers && (lo != Math.rint(lo) || hi != Math.rint(hi))) {
      throw new PlanInputException("--range '" + text + "': expected " + form + ".");
    }
    if (lo > hi) {
      throw new PlanInputException("--range '" + text + "' is empty: its low end " + Estimate.plain(lo)
          + " is above its high end " + Estimate.plain(hi) + ".");
    }
    if (lo <= 0) {
      throw new PlanInputException("--range '" + text + "': the low end must be above 0.");
    }
    return new Range(lo, hi);
  }
}

package dev.meshsim.yaml;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean …?" for misspelt keys and values. */
public final class Suggestions {

  private Suggestions() {}

  /**
   * The option closest to {@code word} if it is an obvious typo (same letters ignoring case, or at
   * most 1 edit for short words and 2 for longer ones), else null. Ties go to the first option, so
   * callers should pass options in a stable order.
   */
  public static String closest(String word, Collection<String> options) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String lower = word.toLowerCase(Locale.ROOT);
    for (String option : options) {
      int d = distance(lower, option.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = option;
        bestDistance = d;
      }
    }
    int allowed = word.length() <= 4 ? 1 : 2;
    return bestDistance <= allowed ? best : null;
  }

  /** {@code ; did you mean "x"?} or the empty string. */
  public static String didYouMean(String word, Collection<String> options) {
    String s = closest(word, options);
    return s == null ? "" : "; did you mean \"" + s + "\"?";
  }

  /** Damerau-Levenshtein (optimal string alignment): a swap of two letters counts as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}

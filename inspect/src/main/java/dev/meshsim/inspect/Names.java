package dev.meshsim.inspect;

import java.util.List;

/** "Did you mean": the known name nearest to a mistyped one, by edit distance. */
final class Names {
  private Names() {}

  /** {@code "; did you mean 'x'?"}, or empty when nothing is close. */
  static String didYouMean(String given, List<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = k.startsWith(given) ? 0 : distance(given, k);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    if (best == null || bestDistance > Math.max(2, given.length() / 2)) {
      return "";
    }
    return "; did you mean '" + best + "'?";
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}

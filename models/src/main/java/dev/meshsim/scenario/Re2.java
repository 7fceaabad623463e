package dev.meshsim.scenario;

/** Finds the java.util.regex features that RE2 lacks. */
final class Re2 {

  private Re2() {}

  /** A description of the first construct RE2 would reject, or null. */
  static String unsupported(String re) {
    for (int i = 0; i < re.length(); i++) {
      char c = re.charAt(i);
      if (c == '\\' && i + 1 < re.length()) {
        char next = re.charAt(i + 1);
        if ((next >= '1' && next <= '9') || next == 'k') {
          return "a backreference";
        }
        i++; // skip the escaped character
      } else if (c == '[') {
        i = classEnd(re, i);
      } else if (c == '(') {
        String group = groupProblem(re, i);
        if (group != null) {
          return group;
        }
      } else if ((c == '*' || c == '+' || c == '?' || c == '}') && re.startsWith("+", i + 1)) {
        return "a possessive quantifier";
      }
    }
    return null;
  }

  private static String groupProblem(String re, int i) {
    if (re.startsWith("(?=", i) || re.startsWith("(?!", i) || re.startsWith("(?<=", i) || re.startsWith("(?<!", i)) {
      return "a lookaround assertion";
    }
    return re.startsWith("(?>", i) ? "an atomic group" : null;
  }

  /** The index of the ']' closing the class opened at {@code open} (a leading ']' is literal). */
  private static int classEnd(String re, int open) {
    int i = open + 1;
    if (i < re.length() && re.charAt(i) == '^') {
      i++;
    }
    if (i < re.length() && re.charAt(i) == ']') {
      i++;
    }
    while (i < re.length() && re.charAt(i) != ']') {
      i += re.charAt(i) == '\\' ? 2 : 1;
    }
    return i;
  }
}

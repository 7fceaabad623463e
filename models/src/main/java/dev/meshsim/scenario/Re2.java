package dev.meshsim.scenario;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.meshsim.yaml.YamlNode;
import dev.meshsim.yaml.YamlScalar;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Compiles a VirtualService regex as Envoy's RE2 would accept it, with re2j (a Java port of RE2:
 * same syntax, time linear in the input). Rejected, as Envoy rejects them:
 *
 * <ul>
 *   <li>what RE2 cannot parse: lookaround, backreferences, possessive quantifiers (named here in
 *       words), repeat counts over 1000;
 *   <li>nested repeats whose counts multiply past 1000, e.g. {@code (a{1000}){1000}}: RE2's parser
 *       rejects them ("bad repetition operator", {@code RepetitionWalker} in re2/parse.cc) and re2j
 *       does not, so the rule is applied here;
 *   <li>a compiled program larger than the limit Istio's sidecars run with: Envoy compares RE2's
 *       {@code ProgramSize()} with the runtime key {@code re2.max_program_size.error_level}
 *       (source/common/common/regex.cc), which defaults to 100 in Envoy and which Istio's sidecar
 *       bootstrap raises to 32768. A program over Envoy's default 100 is accepted with a warning.
 * </ul>
 *
 * <p>re2j's {@link Pattern#programSize()} counts the instructions of a rune-level program, as Go's
 * regexp does; RE2 compiles to bytes (UTF-8), so a class such as {@code .} or {@code [^a]} costs
 * RE2 several instructions where re2j counts one. For ASCII literals and repeats the two agree
 * within a few instructions; elsewhere meshsim's check is the laxer.
 */
final class Re2 {
  /** Envoy's default {@code re2.max_program_size.error_level}. */
  static final int ENVOY_DEFAULT_MAX_PROGRAM_SIZE = 100;
  /** What Istio's sidecar bootstrap sets {@code re2.max_program_size.error_level} to. */
  static final int ISTIO_MAX_PROGRAM_SIZE = 32768;
  /** The longest pattern compiled; a real route's regex is far shorter. */
  static final int MAX_LENGTH = 4096;
  /** RE2's {@code kMaxRepeat}: the largest repeat count, and the largest product of nested ones. */
  static final int MAX_REPEAT = 1000;

  private static final Pattern REPEAT = Pattern.compile("[0-9]{1,9}(,[0-9]{0,9})?");

  private Re2() {}

  /** The compiled regex of {@code node}, or an error positioned there. */
  static Pattern compile(YamlNode node, Warnings warnings) {
    String re = node.asString();
    if (re.length() > MAX_LENGTH) {
      throw node.fail("regex is " + re.length() + " characters long, over meshsim's limit of " + MAX_LENGTH
          + " (re2j's compile time grows faster than linearly with the pattern)");
    }
    String unsupported = unsupported(re);
    if (unsupported != null) {
      throw node.fail("regex " + YamlScalar.quote(re) + " uses " + unsupported
          + ", which RE2 (the regex engine of Envoy and istiod) does not support");
    }
    if (nestedRepeatTooLarge(re)) {
      throw node.fail("regex " + YamlScalar.quote(re) + ": nested repeat counts multiply to more than "
          + MAX_REPEAT + ", which RE2 rejects (bad repetition operator)");
    }
    Pattern pattern;
    try {
      pattern = Pattern.compile(re);
    } catch (PatternSyntaxException e) {
      throw node.fail("invalid regex " + YamlScalar.quote(re) + ": " + e.getDescription());
    }
    int size = pattern.programSize();
    if (size > ISTIO_MAX_PROGRAM_SIZE) {
      throw node.fail("regex " + YamlScalar.quote(re) + " compiles to an RE2 program of " + size
          + " instructions, over the " + ISTIO_MAX_PROGRAM_SIZE + " Istio's sidecars allow"
          + " (re2.max_program_size.error_level); Envoy would reject the route");
    }
    if (size > ENVOY_DEFAULT_MAX_PROGRAM_SIZE) {
      warnings.add(node, "regex program size " + size + " is over Envoy's default limit of "
          + ENVOY_DEFAULT_MAX_PROGRAM_SIZE + "; Istio's sidecars raise it to " + ISTIO_MAX_PROGRAM_SIZE
          + ", a plain Envoy would reject the route");
    }
    return pattern;
  }

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

  /**
   * Whether repeat counts ({@code {n}}, {@code {n,}}, {@code {n,m}}) nested in groups multiply past
   * {@link #MAX_REPEAT}. Each open group keeps the largest product found inside it; a count after
   * a group multiplies that product, as RE2's RepetitionWalker divides its budget.
   */
  static boolean nestedRepeatTooLarge(String re) {
    Deque<long[]> groups = new ArrayDeque<>(); // per open group: the largest product inside it
    groups.push(new long[] {1});
    long lastAtom = 1; // product carried by the atom just closed (1 for a plain character)
    for (int i = 0; i < re.length(); i++) {
      char c = re.charAt(i);
      if (c == '\\') {
        i++;
        lastAtom = 1;
      } else if (c == '[') {
        i = classEnd(re, i);
        lastAtom = 1;
      } else if (c == '(') {
        groups.push(new long[] {1});
      } else if (c == ')' && groups.size() > 1) {
        lastAtom = groups.pop()[0];
        groups.peek()[0] = Math.max(groups.peek()[0], lastAtom);
      } else if (c == '{' && repeatEnd(re, i) > 0) {
        int end = repeatEnd(re, i);
        long count = repeatCount(re.substring(i + 1, end));
        long product = lastAtom * count;
        if (product > MAX_REPEAT && count <= MAX_REPEAT) { // a count alone over 1000: re2j says so
          return true;
        }
        groups.peek()[0] = Math.max(groups.peek()[0], product);
        lastAtom = product;
        i = end;
      } else {
        lastAtom = 1;
      }
    }
    return false;
  }

  /** The index of the '}' closing a repeat {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code open}, else -1. */
  private static int repeatEnd(String re, int open) {
    int limit = Math.min(re.length(), open + 21); // at most {999999999,999999999}: keeps the scan linear
    int close = open + 1;
    while (close < limit && re.charAt(close) != '}') {
      close++;
    }
    if (close == limit) {
      return -1;
    }
    return REPEAT.matches(re.substring(open + 1, close)) ? close : -1;
  }

  /** The count RE2 budgets for a repeat: its maximum, or its minimum when unbounded. */
  private static long repeatCount(String body) {
    int comma = body.indexOf(',');
    if (comma < 0) {
      return Long.parseLong(body);
    }
    String max = body.substring(comma + 1);
    return max.isEmpty() ? Long.parseLong(body.substring(0, comma)) : Long.parseLong(max);
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

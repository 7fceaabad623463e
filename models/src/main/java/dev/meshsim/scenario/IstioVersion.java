package dev.meshsim.scenario;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * The Istio minor release whose behaviour a scenario simulates ({@code istio.version}). Several
 * defaults changed between releases (reference notes §9): the default load balancer became
 * LEAST_REQUEST in 1.14, 503 left the default retriable codes in 1.24, {@code consecutiveErrors}
 * is ignored since 1.7, and so on. Patch releases do not change these, so only major.minor is kept.
 *
 * @param major 1
 * @param minor e.g. 24 for 1.24
 */
public record IstioVersion(int major, int minor) implements Comparable<IstioVersion> {

  /**
   * The default: Istio 1.30, the latest release as of late 2026. The reference notes read istio
   * master at 2026-08-22, when it was 1.31-dev, so 1.30 was the newest released minor.
   */
  public static final IstioVersion CURRENT = new IstioVersion(1, 30);

  /** The oldest release meshsim has behaviour notes for (route timeouts off by default since 1.6). */
  public static final IstioVersion OLDEST = new IstioVersion(1, 5);

  /** The newest: master at the time of the reference notes (1.31-dev). */
  public static final IstioVersion NEWEST = new IstioVersion(1, 31);

  private static final Pattern FORM = Pattern.compile("([0-9]+)\\.([0-9]+)(\\.[0-9]+)?");

  public IstioVersion {
    if (major < 0 || minor < 0) {
      throw new IllegalArgumentException("version numbers must be >= 0");
    }
  }

  /**
   * Parses {@code "1.24"} (or {@code "1.24.3"}, whose patch number is dropped). Errors are {@link
   * IllegalArgumentException}s whose message is a sentence for the user, like {@link Durations}'.
   */
  public static IstioVersion parse(String text) {
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("invalid Istio version \"" + text + "\"; write major.minor, e.g. \"1.24\"");
    }
    IstioVersion v;
    try {
      v = new IstioVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid Istio version \"" + text + "\"; write major.minor, e.g. \"1.24\"");
    }
    if (v.compareTo(OLDEST) < 0 || v.compareTo(NEWEST) > 0) {
      throw new IllegalArgumentException("Istio " + v + " is not supported; meshsim models " + OLDEST + " to "
          + NEWEST + " (default " + CURRENT + ")");
    }
    return v;
  }

  /** Whether this is {@code major.minor} or later, e.g. {@code atLeast(1, 24)}. */
  public boolean atLeast(int major, int minor) {
    return compareTo(new IstioVersion(major, minor)) >= 0;
  }

  @Override
  public int compareTo(IstioVersion o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}

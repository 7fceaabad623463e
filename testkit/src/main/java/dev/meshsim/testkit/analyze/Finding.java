package dev.meshsim.testkit.analyze;

import java.util.Comparator;

/**
 * One analysis message, as {@code istioctl analyze} prints it: {@code Error [IST0101]
 * (VirtualService default/reviews) Referenced host+subset in destinationrule not found:
 * "reviews+v4"}, plus the impact meshsim predicts.
 *
 * @param level Error, Warning or Info
 * @param code e.g. {@code IST0101}, {@code KIA0203}, {@code MSH0001}
 * @param kind the resource kind, e.g. {@code VirtualService}
 * @param namespace the resource's namespace
 * @param name the resource's name
 * @param message the message text (Istio's template, filled)
 * @param impact what meshsim predicts the finding does to traffic; null when it predicts nothing
 */
public record Finding(Level level, String code, String kind, String namespace, String name, String message,
    String impact) {

  /** istioctl's levels, most severe first. */
  public enum Level {
    Error, Warning, Info
  }

  /**
   * The order findings print in, istioctl's ({@code Messages.Sort} in istio {@code
   * pkg/config/analysis/diag/messages.go}): by level, most severe first, then code, then origin,
   * then the whole line.
   */
  public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::level)
      .thenComparing(Finding::code).thenComparing(Finding::origin).thenComparing(Finding::line);

  /** istioctl's origin, {@code Kind namespace/name}. */
  public String origin() {
    return kind + " " + namespace + "/" + name;
  }

  /** The istioctl line: {@code <Level> [<code>] (<origin>) <message>}. */
  public String line() {
    return level + " [" + code + "] (" + origin() + ") " + message;
  }

  /** The same finding with a predicted impact. */
  public Finding withImpact(String predicted) {
    return new Finding(level, code, kind, namespace, name, message, predicted);
  }
}

package dev.meshsim.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Which rows of a long list get full panels: the top half of {@code n} by traffic, then the rest of
 * {@code n} by errors (so a small, failing service is never hidden behind busy healthy ones), ties
 * broken by name so the choice is deterministic. The others keep their order for the collapsed table.
 */
public final class Ranking {
  private Ranking() {}

  /** The names to show in full, in the order to show them. */
  public static <T> List<T> top(List<T> all, int n, ToLongFunction<T> traffic, ToLongFunction<T> errors,
      java.util.function.Function<T, String> name) {
    if (all.size() <= n) {
      return all;
    }
    Comparator<T> byName = Comparator.comparing(name);
    LinkedHashSet<T> chosen = new LinkedHashSet<>();
    all.stream().sorted(Comparator.comparingLong(traffic).reversed().thenComparing(byName))
        .limit((n + 1) / 2).forEach(chosen::add);
    all.stream().filter(t -> errors.applyAsLong(t) > 0)
        .sorted(Comparator.comparingLong(errors).reversed().thenComparing(byName))
        .filter(t -> !chosen.contains(t)).limit(n - chosen.size()).forEach(chosen::add);
    all.stream().sorted(Comparator.comparingLong(traffic).reversed().thenComparing(byName))
        .filter(t -> !chosen.contains(t)).limit(n - chosen.size()).forEach(chosen::add);
    return new ArrayList<>(chosen);
  }

  /** The ones {@link #top} left out, in their original order. */
  public static <T> List<T> rest(List<T> all, List<T> top) {
    List<T> rest = new ArrayList<>(all);
    rest.removeAll(top);
    return rest;
  }
}

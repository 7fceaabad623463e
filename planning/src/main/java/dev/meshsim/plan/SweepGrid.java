package dev.meshsim.plan;

import dev.meshsim.scenario.Scenario;
import dev.meshsim.scenario.ScenarioException;
import dev.meshsim.scenario.ScenarioOverrides;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grid of a sweep: every combination of the {@code --set} values, the first {@code --set}
 * varying slowest; the key is the combination's index. Every combination's scenario is loaded (and
 * so checked) before anything runs.
 */
public final class SweepGrid implements Parameter {
  /** More points than this is a typo, not a sweep. */
  static final int MAX_POINTS = 10_000;

  /** Loads the scenario file with some values replaced. */
  @FunctionalInterface
  public interface Loader {
    Scenario load(List<ScenarioOverrides.Edit> edits) throws ScenarioException;
  }

  private final List<Map<String, String>> combinations;
  private final List<Scenario> scenarios;
  private final boolean numericAxis;

  private SweepGrid(List<Map<String, String>> combinations, List<Scenario> scenarios, boolean numericAxis) {
    this.combinations = combinations;
    this.scenarios = scenarios;
    this.numericAxis = numericAxis;
  }

  public static SweepGrid of(List<SetArgument> sets, Loader loader) throws ScenarioException {
    if (sets.isEmpty()) {
      throw new PlanInputException("sweep: give at least one --set PATH=V1,V2,… to sweep over.");
    }
    long size = 1;
    for (SetArgument s : sets) {
      size *= s.values().size();
      if (size > MAX_POINTS) {
        throw new PlanInputException("--set: the grid has more than " + MAX_POINTS + " points; sweep fewer values.");
      }
    }
    List<Map<String, String>> combos = new ArrayList<>();
    combine(sets, 0, new LinkedHashMap<>(), combos);
    List<Scenario> scenarios = new ArrayList<>();
    for (Map<String, String> combo : combos) {
      List<ScenarioOverrides.Edit> edits = new ArrayList<>();
      combo.forEach((path, value) -> edits.add(new ScenarioOverrides.Edit("--set '" + path + "=" + value + "'", path, value)));
      scenarios.add(loader.load(edits));
    }
    boolean numeric = sets.size() == 1 && sets.get(0).values().stream().allMatch(SweepGrid::isNumber);
    return new SweepGrid(combos, scenarios, numeric);
  }

  private static void combine(List<SetArgument> sets, int i, LinkedHashMap<String, String> partial,
      List<Map<String, String>> out) {
    if (i == sets.size()) {
      out.add(Collections.unmodifiableMap(new LinkedHashMap<>(partial)));
      return;
    }
    for (String v : sets.get(i).values()) {
      partial.put(sets.get(i).path(), v);
      combine(sets, i + 1, partial, out);
    }
    partial.remove(sets.get(i).path());
  }

  private static boolean isNumber(String s) {
    return s.matches("-?\\d+(\\.\\d+)?");
  }

  public int size() {
    return combinations.size();
  }

  @Override
  public String describe() {
    return String.join(" x ", combinations.get(0).keySet());
  }

  @Override
  public String unit() {
    return "";
  }

  @Override
  public Scenario at(long key) {
    return scenarios.get((int) key);
  }

  @Override
  public Object value(long key) {
    return combinations.get((int) key);
  }

  @Override
  public String label(long key) {
    List<String> parts = new ArrayList<>();
    combinations.get((int) key).forEach((path, v) -> parts.add(lastSegment(path) + "=" + v));
    return String.join(" ", parts);
  }

  @Override
  public double numeric(long key) {
    return numericAxis ? Double.parseDouble(combinations.get((int) key).values().iterator().next()) : key;
  }

  private static String lastSegment(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }
}

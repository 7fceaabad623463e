package dev.meshsim.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The searches assume that more load never helps and more replicas never hurt. A pair of points
 * whose 95% intervals are disjoint the other way round contradicts that, and the user is told:
 * the answer of a bisection may then not be the smallest (or largest) value that meets the SLO.
 */
final class Monotonicity {
  private Monotonicity() {}

  static List<String> contradictions(Question question, Parameter parameter, List<SloTerm> terms,
      List<PointResult> points) {
    List<String> notes = new ArrayList<>();
    List<PointResult> sorted = new ArrayList<>(points);
    sorted.removeIf(PointResult::overloaded); // fails at any rate: no estimate to compare
    sorted.sort(Comparator.comparingLong(PointResult::key));
    // max-rate: a higher rate should not be better; min-replicas: more replicas should not be worse.
    boolean higherKeyWorse = question == Question.MAX_RATE;
    for (int t = 0; t < terms.size(); t++) {
      if (!terms.get(t).metric().higherIsWorse()) {
        continue; // throughput rises with load until the knee: no monotone expectation
      }
      for (int i = 0; i < sorted.size(); i++) {
        for (int j = i + 1; j < sorted.size(); j++) {
          Estimate low = sorted.get(i).estimates().get(t);
          Estimate high = sorted.get(j).estimates().get(t);
          boolean contradicts = higherKeyWorse ? high.hi() < low.lo() : high.lo() > low.hi();
          if (contradicts) {
            notes.add(terms.get(t).metric().key() + " at " + parameter.label(sorted.get(j).key()) + " "
                + parameter.unit() + " is significantly " + (higherKeyWorse ? "better" : "worse") + " than at "
                + parameter.label(sorted.get(i).key()) + ": the search's monotonicity assumption does not hold here");
          }
        }
      }
    }
    return notes;
  }
}

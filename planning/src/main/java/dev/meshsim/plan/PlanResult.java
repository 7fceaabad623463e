package dev.meshsim.plan;

import java.util.List;

/**
 * The answer to a question with everything that led to it.
 *
 * @param question which question
 * @param scenario the scenario's name
 * @param seed the scenario's seed (replications derive theirs from it)
 * @param load the load whose requests the SLO read, or null for all loads
 * @param parameter what varied
 * @param terms the SLO terms (or, for a sweep without SLO, the metrics reported)
 * @param rule the stopping rule used
 * @param points every point judged, in the order tried
 * @param answer the answer's key, or null when no value in range meets the SLO (or a sweep has no SLO)
 * @param answers for a sweep, the keys of every passing point, in grid order
 * @param confirmation the answer judged on the most replications allowed, or null
 * @param notes things the user should know (range edges, points that contradict monotonicity)
 */
public record PlanResult(
    Question question,
    String scenario,
    long seed,
    String load,
    Parameter parameter,
    List<SloTerm> terms,
    StoppingRule rule,
    List<PointResult> points,
    Long answer,
    List<Long> answers,
    PointResult confirmation,
    List<String> notes) {

  public PlanResult {
    terms = List.copyOf(terms);
    points = List.copyOf(points);
    answers = List.copyOf(answers);
    notes = List.copyOf(notes);
  }

  public boolean hasSlo() {
    return terms.stream().anyMatch(SloTerm::hasLimit);
  }

  /** 0 when an answer exists (or a sweep only reports), 3 when no value in range meets the SLO. */
  public int exitStatus() {
    if (!hasSlo()) {
      return 0;
    }
    return question == Question.SWEEP ? (answers.isEmpty() ? 3 : 0) : (answer == null ? 3 : 0);
  }
}

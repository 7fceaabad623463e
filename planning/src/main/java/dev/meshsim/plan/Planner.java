package dev.meshsim.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The three searches. {@code max-rate} is Nighthawk's {@code exponential_search}: from the
 * scenario's own load, double while the SLO holds (halve while it does not), then bisect the
 * bracket until its ends are neighbours on the lattice, i.e. within the precision. {@code
 * min-replicas} bisects the integer range, assuming more replicas never hurt (and saying so when a
 * point contradicts it). {@code sweep} judges every point of the grid.
 */
public final class Planner {
  private final Setup setup;
  private final PointEvaluator evaluator;
  private final List<String> notes = new ArrayList<>();

  /**
   * What every question shares.
   *
   * @param scenario the scenario's name
   * @param seed its seed
   * @param load the load the SLO reads, or null for all
   * @param terms the SLO terms
   * @param rule the stopping rule
   */
  public record Setup(String scenario, long seed, String load, List<SloTerm> terms, StoppingRule rule) {
    public Setup {
      terms = List.copyOf(terms);
      if (terms.isEmpty()) {
        throw new IllegalArgumentException("at least one term is needed");
      }
    }
  }

  public Planner(Setup setup, SampleSource source) {
    this.setup = setup;
    this.evaluator = new PointEvaluator(setup.terms(), setup.rule(), source);
  }

  public PlanResult maxRate(LoadRate rate) {
    long lo;
    long hi;
    long k = rate.start();
    if (pass(k)) {
      lo = k;
      while (true) {
        long next = rate.up(lo);
        if (next == lo) {
          notes.add("the top of the range passes: the highest rate meeting the SLO is at least " + rate.label(lo)
              + " " + rate.unit() + "; raise --range to look further");
          return result(Question.MAX_RATE, rate, lo);
        }
        if (!pass(next)) {
          hi = next;
          break;
        }
        lo = next;
      }
    } else {
      hi = k;
      while (true) {
        long next = rate.down(hi);
        if (next == hi) {
          notes.add("no " + rate.describe() + " down to " + rate.label(hi) + " " + rate.unit() + " meets the SLO");
          return result(Question.MAX_RATE, rate, null);
        }
        if (pass(next)) {
          lo = next;
          break;
        }
        hi = next;
      }
    }
    return result(Question.MAX_RATE, rate, bisect(lo, hi, true));
  }

  /** The fewest replicas in {@code [lo, hi]} that pass; bisection, checking the top first. */
  public PlanResult minReplicas(Replicas replicas, long lo, long hi) {
    if (!pass(hi)) {
      notes.add("even " + hi + " replicas do not meet the SLO; raise --range");
      return result(Question.MIN_REPLICAS, replicas, null);
    }
    if (pass(lo)) {
      return result(Question.MIN_REPLICAS, replicas, lo);
    }
    return result(Question.MIN_REPLICAS, replicas, bisect(lo, hi, false));
  }

  /** Every point of the grid, their first replications run together. */
  public PlanResult sweep(SweepGrid grid) {
    List<Long> keys = new ArrayList<>();
    for (long k = 0; k < grid.size(); k++) {
      keys.add(k);
    }
    evaluator.prefetch(keys);
    List<Long> passing = new ArrayList<>();
    for (long k : keys) {
      if (evaluator.evaluate(k).passes()) {
        passing.add(k);
      }
    }
    boolean slo = setup.terms().stream().anyMatch(SloTerm::hasLimit);
    return new PlanResult(Question.SWEEP, setup.scenario(), setup.seed(), setup.load(), grid, setup.terms(),
        setup.rule(), evaluator.tried(), null, slo ? passing : List.of(), null, notes);
  }

  /**
   * Bisects between a failing and a passing key until they are neighbours.
   *
   * @param passLow true when {@code a} passes and {@code b} fails (max-rate); false for the reverse
   * @return the passing end
   */
  private long bisect(long a, long b, boolean passLow) {
    long pass = a;
    long fail = b;
    if (!passLow) {
      pass = b;
      fail = a;
    }
    while (Math.abs(pass - fail) > 1) {
      long mid = Math.min(pass, fail) + Math.abs(pass - fail) / 2;
      if (pass(mid)) {
        pass = mid;
      } else {
        fail = mid;
      }
    }
    return pass;
  }

  private boolean pass(long key) {
    return evaluator.evaluate(key).passes();
  }

  private PlanResult result(Question question, Parameter parameter, Long answer) {
    List<PointResult> tried = evaluator.tried();
    notes.addAll(Monotonicity.contradictions(question, parameter, setup.terms(), tried));
    PointResult confirmation = answer == null ? null : evaluator.confirm(answer);
    if (confirmation != null && !confirmation.passes()) {
      notes.add("on all " + confirmation.replications() + " replications the answer is " + confirmation.verdict().label()
          + ": it sits at the knee; read the neighbouring points, or raise --max-reps");
    }
    return new PlanResult(question, setup.scenario(), setup.seed(), setup.load(), parameter, setup.terms(),
        setup.rule(), tried, answer, List.of(), confirmation, notes);
  }
}

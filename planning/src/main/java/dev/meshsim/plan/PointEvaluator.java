package dev.meshsim.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges points against the SLO with sequential stopping, reading samples from a {@link
 * SampleSource}. Remembers every point it judged, in the order first asked, for the report.
 */
final class PointEvaluator {
  private final List<SloTerm> terms;
  private final StoppingRule rule;
  private final SampleSource source;
  private final Map<Long, PointResult> tried = new LinkedHashMap<>();

  PointEvaluator(List<SloTerm> terms, StoppingRule rule, SampleSource source) {
    this.terms = List.copyOf(terms);
    this.rule = rule;
    this.source = source;
  }

  /** The point at {@code key}, judged once and remembered. */
  PointResult evaluate(long key) {
    PointResult known = tried.get(key);
    if (known != null) {
      return known;
    }
    PointResult result = judge(key, rule.minReps(), true);
    tried.put(key, result);
    return result;
  }

  /** {@code key} judged on exactly {@code rule.maxReps()} replications (the confirmation). */
  PointResult confirm(long key) {
    return judge(key, rule.maxReps(), false);
  }

  /** Every point judged, in the order first asked. */
  List<PointResult> tried() {
    return List.copyOf(tried.values());
  }

  void prefetch(List<Long> keys) {
    source.prefetch(keys, rule.minReps());
  }

  private PointResult judge(long key, int firstLook, boolean sequential) {
    int n = firstLook;
    List<double[]> values = new ArrayList<>();
    while (true) {
      List<Sample> samples = source.samples(key, n);
      if (samples.stream().anyMatch(Sample::overloaded)) {
        return PointResult.overloaded(key, n);
      }
      for (int r = values.size(); r < n; r++) {
        values.add(values(samples.get(r)));
      }
      List<Estimate> estimates = estimates(values, n);
      if (!sequential || rule.stop(terms, estimates)) {
        return new PointResult(key, n, estimates, verdict(estimates), false);
      }
      n++;
    }
  }

  /** Every term's metric for one replication, decoding its histogram once. */
  private double[] values(Sample sample) {
    Sample.Measured measured = sample.measured();
    double[] v = new double[terms.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = terms.get(i).metric().of(measured);
    }
    return v;
  }

  private List<Estimate> estimates(List<double[]> values, int n) {
    List<Estimate> out = new ArrayList<>();
    for (int t = 0; t < terms.size(); t++) {
      double[] column = new double[n];
      for (int r = 0; r < n; r++) {
        column[r] = values.get(r)[t];
      }
      out.add(Estimate.of(column, n));
    }
    return out;
  }

  private Verdict verdict(List<Estimate> estimates) {
    Verdict v = Verdict.PASS;
    for (int i = 0; i < terms.size(); i++) {
      v = v.and(terms.get(i).judge(estimates.get(i)));
    }
    return v;
  }
}

package dev.meshsim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SloTermTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "p99<=200ms     | p99        | 200",
    "p99.9 <= 1.5s  | p99.9      | 1500",
    "mean<=500us    | mean       | 0.5",
    "errors<=0.1%   | errors     | 0.1",
    "flag:UO<=2%    | flag:UO    | 2",
    "throughput>=500/s | throughput | 500",
  })
  void termsParseToTheirMetricAndLimit(String text, String key, double limit) {
    SloTerm t = SloParser.parse(text);
    assertEquals(key, t.metric().key());
    assertEquals(limit, t.limit(), 1e-9);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "p99<=fast     | expected a duration",
    "p101<=1s      | above 0 and below 100",
    "p0<=1s        | above 0 and below 100",
    "errors<=200%  | between 0% and 100%",
    "errors<=0.1   | expected a percentage",
    "p99>=1s       | write p99<=1s",
    "latency<=1s   | unknown metric",
    "p99           | expected one of",
  })
  void badTermsNameTheArgument(String text, String problem) {
    PlanInputException e = assertThrows(PlanInputException.class, () -> SloParser.parse(text));
    assertTrue(e.getMessage().startsWith("--slo '" + text + "': "), e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
  }

  @Test
  void anUpperBoundPassesOnlyWhenTheWholeIntervalIsBelowIt() {
    SloTerm t = SloParser.parse("p99<=20ms");
    assertEquals(Verdict.PASS, t.judge(new Estimate(4, 18, 17, 19.9)));
    assertEquals(Verdict.UNCLEAR, t.judge(new Estimate(4, 19.5, 18, 21)));
    assertEquals(Verdict.FAIL, t.judge(new Estimate(4, 25, 20.1, 30)));
  }

  @Test
  void aLowerBoundIsTheMirrorImage() {
    SloTerm t = SloParser.parse("throughput>=100");
    assertEquals(Verdict.PASS, t.judge(new Estimate(4, 120, 100, 140)));
    assertEquals(Verdict.UNCLEAR, t.judge(new Estimate(4, 101, 95, 107)));
    assertEquals(Verdict.FAIL, t.judge(new Estimate(4, 90, 85, 99)));
  }

  @Test
  void stoppingWaitsForPrecisionOrAClearDecision() {
    StoppingRule rule = new StoppingRule(2, 10, 0.05);
    java.util.List<SloTerm> terms = java.util.List.of(SloParser.parse("p99<=20ms"));
    assertTrue(rule.stop(terms, java.util.List.of(new Estimate(3, 10, 9, 11))), "clearly passes");
    assertTrue(rule.stop(terms, java.util.List.of(new Estimate(3, 40, 30, 50))), "clearly fails");
    assertTrue(rule.stop(terms, java.util.List.of(new Estimate(3, 20, 19.5, 20.5))), "precise to 2.5%");
    assertEquals(false, rule.stop(terms, java.util.List.of(new Estimate(3, 20, 15, 25))), "straddles, wide");
    assertTrue(rule.stop(terms, java.util.List.of(new Estimate(10, 20, 15, 25))), "out of replications");
  }
}

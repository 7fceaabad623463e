package dev.meshsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({
    "250ms,    250000000",
    "1.5s,     1500000000",
    "100us,    100000",
    "100µs,    100000",
    "100μs,    100000",
    "10ns,     10",
    "1m30s,    90000000000",
    "2h,       7200000000000",
    "1h2m3.5s, 3723500000000",
    "0,        0",
    "0s,       0",
    "0.0,      0",
    ".5s,      500000000",
    "5.s,      5000000000",
    "1.5ns,    1",
    "+3ms,     3000000",
  })
  void parsesGoDurations(String text, long nanos) {
    assertEquals(nanos, Durations.parseNanos(text));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "10parsecs | unknown unit \"parsecs\" in duration \"10parsecs\"; valid units are ns, us (or µs), ms, s, m, h",
    "-1s       | negative duration \"-1s\"; durations must be >= 0",
    "10        | missing unit in duration \"10\"; valid units are ns, us (or µs), ms, s, m, h",
    "abc       | invalid duration \"abc\"; write e.g. 250ms, 1.5s or 1m30s",
    "1.2.3s    | invalid duration \"1.2.3s\"; write e.g. 250ms, 1.5s or 1m30s",
    "s         | invalid duration \"s\"; write e.g. 250ms, 1.5s or 1m30s",
    "3000000h  | duration \"3000000h\" is too large (at most about 292 years)",
  })
  void rejectsBadDurationsWithAClearMessage(String text, String message) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, () -> Durations.parseNanos(text)).getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "200/s,    200",
    "12000/m,  200",
    "5/ms,     5000",
    "0.5/s,    0.5",
    "7200/h,   2",
    "150,      150",
    "0,        0",
  })
  void parsesRates(String text, double perSecond) {
    assertEquals(perSecond, Durations.parseRatePerSecond(text), 1e-9);
  }

  @ParameterizedTest
  @CsvSource({"fast", "-1/s", "200/parsec", "/s"})
  void rejectsBadRates(String text) {
    assertThrows(IllegalArgumentException.class, () -> Durations.parseRatePerSecond(text));
  }

  @ParameterizedTest
  @CsvSource({"0, 0s", "1500000000, 1.5s", "250000000, 250ms", "20000, 20us", "7, 7ns", "90000000000, 90s"})
  void formatsShortly(long nanos, String text) {
    assertEquals(text, Durations.format(nanos));
  }

  @Property
  void formatThenParseIsTheIdentity(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long nanos) {
    assertEquals(nanos, Durations.parseNanos(Durations.format(nanos)));
  }
}

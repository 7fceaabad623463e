package dev.meshsim.mesh.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A bucket that counts its first code and flags in fields and keeps maps only for further values
 * and failures counts exactly what four plain maps counted: the same sorted counts by code and by
 * flags, the same failed counts, for any sequence of requests.
 */
class TimelineBucketProperties {
  record Answer(int code, String flags) {}

  @Provide
  Arbitrary<List<Answer>> answers() {
    Arbitrary<Integer> codes = Arbitraries.of(200, 200, 200, 201, 404, 503, 0);
    Arbitrary<String> flags = Arbitraries.of("-", "-", "UF", "UF,URX", "UO", "DC");
    return Combinators.combine(codes, flags).as(Answer::new).list().ofMaxSize(40);
  }

  @Property
  void countsAsFourPlainMapsDid(@ForAll("answers") List<Answer> answers) {
    TimelineBucket bucket = new TimelineBucket();
    TreeMap<Integer, Long> codes = new TreeMap<>();
    TreeMap<String, Long> flags = new TreeMap<>();
    TreeMap<Integer, Long> failedCodes = new TreeMap<>();
    TreeMap<String, Long> failedFlags = new TreeMap<>();
    long t = 0;
    for (Answer a : answers) {
      bucket.record(t++, 1_000, a.code(), a.flags());
      codes.merge(a.code(), 1L, Long::sum);
      flags.merge(a.flags(), 1L, Long::sum);
      if (a.code() < 200 || a.code() >= 300) {
        failedCodes.merge(a.code(), 1L, Long::sum);
        failedFlags.merge(a.flags(), 1L, Long::sum);
      }
    }
    assertEquals(codes, bucket.codes());
    assertEquals(flags, bucket.flags());
    assertEquals(failedCodes, bucket.failedCodes());
    assertEquals(failedFlags, bucket.failedFlags());
    assertEquals(answers.size(), bucket.requests);
    assertEquals(failedCodes.values().stream().mapToLong(Long::longValue).sum(), bucket.failed);
    assertSorted(bucket.codes());
    assertSorted(bucket.flags());
  }

  private static <K extends Comparable<K>> void assertSorted(SortedMap<K, Long> m) {
    assertNotNull(m);
    K previous = null;
    for (K k : m.keySet()) {
      assertTrue(previous == null || previous.compareTo(k) < 0, "sorted: " + m);
      previous = k;
    }
  }
}

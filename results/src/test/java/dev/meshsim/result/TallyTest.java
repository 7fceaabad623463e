package dev.meshsim.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The counters replace {@code TreeMap.merge(key, 1L, Long::sum)}: same counts, same order. */
class TallyTest {

  @Property(tries = 200)
  void countsCodesAsTheSortedMapDid(@ForAll @Size(max = 300) List<@IntRange(min = -5, max = 1005) Integer> codes) {
    Tally.Codes tally = new Tally.Codes();
    TreeMap<Integer, Long> expected = new TreeMap<>();
    for (int code : codes) {
      tally.add(code);
      expected.merge(code, 1L, Long::sum);
    }
    assertEquals(List.copyOf(expected.entrySet()), List.copyOf(tally.sorted().entrySet()));
  }

  @Property(tries = 200)
  void countsStringsAsTheSortedMapDid(@ForAll @Size(max = 300) List<@IntRange(min = 0, max = 40) Integer> picks) {
    String[] names = {"-", "UO", "UF,URX", "outbound|8080||svc-a.default.svc.cluster.local",
        "outbound|8080||svc-b.default.svc.cluster.local", "NC"};
    Tally<String> tally = new Tally<>();
    TreeMap<String, Long> expected = new TreeMap<>();
    for (int p : picks) {
      String name = names[p % names.length];
      tally.add(name);
      expected.merge(name, 1L, Long::sum);
    }
    assertEquals(List.copyOf(expected.entrySet()), List.copyOf(tally.sorted().entrySet()));
  }

  @Test
  void aSnapshotIsReadOnlyAndDoesNotMoveWithLaterCounts() {
    TrafficStats stats = new TrafficStats();
    stats.record(1_000, 200, "-", "c");
    SortedMap<Integer, Long> codes = stats.codes();
    stats.record(1_000, 200, "-", "c");
    assertEquals(1L, codes.get(200));
    assertEquals(2L, stats.codes().get(200));
    assertThrows(UnsupportedOperationException.class, () -> codes.put(500, 1L));
  }
}

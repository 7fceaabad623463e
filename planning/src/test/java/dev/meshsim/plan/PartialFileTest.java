package dev.meshsim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.plan.shard.PartialFile;
import dev.meshsim.result.TrafficStats;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartialFileTest {
  private static final PartialFile.Header HEADER =
      new PartialFile.Header("meshsim 0.1.0", "s", 1, "abc", List.of("plan", "sweep", "s.yaml"), 0, 1);

  private static Sample sample(long base) {
    TrafficStats stats = new TrafficStats();
    for (int i = 0; i < 500; i++) {
      stats.record(base + i * 1_000L, i % 50 == 0 ? 503 : 200, i % 50 == 0 ? "UO" : "-", "c");
    }
    return Sample.of(stats, 10);
  }

  @Test
  void samplesSurviveTheFileExactly() {
    List<PartialFile.Entry> entries = List.of(new PartialFile.Entry(-8, 0, sample(1_000_000)),
        new PartialFile.Entry(3, 7, sample(5_000_000)));
    String json = new PartialFile(HEADER, entries).toJson();
    assertTrue(json.contains("\"histogramLog\""), "histograms travel as an HdrHistogram log");
    PartialFile back = PartialFile.parse(json, "part.json");
    assertEquals(HEADER, back.header());
    assertEquals(entries, back.entries());
    assertEquals(10, back.entries().get(0).sample().non2xx());
    assertEquals(10L, back.entries().get(0).sample().flags().get("UO"));
  }

  @Test
  void theFileSaysItsKindAndFormatAndReadsBackUnderTheOutputMark() {
    String json = new PartialFile(HEADER, List.of(new PartialFile.Entry(1, 0, sample(1_000_000)))).toJson();
    assertTrue(json.startsWith("{\n  \"kind\" : \"plan-shard\",\n  \"format\" : 2,\n"), json.substring(0, 60));
    String marked = "{\"meshsim\": \"meshsim output; meshsim may replace this file\"," + json.substring(1);
    assertEquals(HEADER, PartialFile.parse(marked, "part.json").header());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"meshsim\": \"plan-shard\", \"version\": \"v\", \"scenario\": \"s\", \"seed\": 1}",
      "{\"meshsim\": \"meshsim output; meshsim may replace this file\", \"kind\": \"plan-shard\", \"format\": 3}"})
  void aShardOfAnotherFormatIsRefusedSayingSoAndHowToRedoIt(String text) {
    PlanInputException e = assertThrows(PlanInputException.class, () -> PartialFile.parse(text, "part.json"));
    String format = text.contains("\"format\": 3") ? "3" : "1";
    assertEquals("part.json: a shard file of format " + format + (format.equals("1") ? ", written by an older meshsim" : "")
        + "; this meshsim merges format 2 only: run that shard again with this meshsim.", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "[]", "{\"kind\": \"plan\"}", "{\"kind\": \"plan-shard\"}",
      "{\"kind\": \"plan-shard\", \"format\": 2, \"version\": 3}",
      "{\"kind\": \"plan-shard\", \"format\": 2, \"version\": \"v\", \"scenario\": \"s\", \"seed\": 1,"
          + " \"scenarioDigest\": \"d\", \"shard\": 0, \"shards\": 1, \"histogramLog\": \"garbage\\u0000\","
          + " \"samples\": [{\"key\": 1}]}"})
  void anythingElseIsRefusedAsNotAShardFile(String text) {
    PlanInputException e = assertThrows(PlanInputException.class, () -> PartialFile.parse(text, "part.json"));
    assertTrue(e.getMessage().startsWith("part.json: not a meshsim shard file: "), e.getMessage());
  }
}

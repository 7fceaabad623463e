package dev.meshsim.e2e;

import static dev.meshsim.e2e.CliRun.meshsim;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshsim.e2e.CliRun.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A plan's outputs are the same bytes for any thread count, and merging the partial files of M
 * shards gives the bytes of the unsharded plan (M = 1, 2, 3), for each question.
 */
class PlanDeterminismTest {
  private static final String MM1 = "src/test/resources/scenarios/plan-mm1.yaml";
  private static final String PODS = "src/test/resources/scenarios/plan-random-pods.yaml";

  @TempDir Path tmp;

  /** Short runs and few replications: these tests are about bytes, not about precision. */
  private static final List<String> QUICK = List.of("--duration", "2s", "--min-reps", "2", "--max-reps", "4");

  @Test
  void threadCountDoesNotChangeAByte() throws Exception {
    List<String> question = List.of("plan", "max-rate", MM1, "--slo", "p99<=20ms", "--precision", "10%");
    String one = plan(question, "--threads", "1");
    String three = plan(question, "--threads", "3");
    assertEquals(one, three);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void mergedShardsOfMinReplicasEqualTheUnshardedPlan(int shards) throws Exception {
    assertShardsMerge(List.of("plan", "min-replicas", PODS, "--deployment", "server", "--slo", "p99<=20ms",
        "--range", "2..6"), shards);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void mergedShardsOfMaxRateEqualTheUnshardedPlan(int shards) throws Exception {
    assertShardsMerge(List.of("plan", "max-rate", MM1, "--slo", "p99<=20ms", "--precision", "10%",
        "--range", "600..900"), shards);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void mergedShardsOfASweepEqualTheUnshardedPlan(int shards) throws Exception {
    assertShardsMerge(List.of("plan", "sweep", MM1, "--set", "load[0].arrival.poisson=300/s,900/s",
        "--slo", "p99<=20ms"), shards);
  }

  private void assertShardsMerge(List<String> question, int shards) throws Exception {
    String unsharded = plan(question);
    List<String> merge = new ArrayList<>(List.of("merge"));
    for (int k = 0; k < shards; k++) {
      Path part = tmp.resolve("part-" + k + ".json");
      List<String> args = new ArrayList<>(question);
      args.addAll(QUICK);
      args.addAll(List.of("--shard", k + "/" + shards, "--partial", part.toString()));
      Outcome o = meshsim(args.toArray(String[]::new));
      assertEquals(0, o.exit(), o.err());
      merge.add(part.toString());
    }
    Path merged = tmp.resolve("merged.json");
    merge.addAll(List.of("--json", merged.toString()));
    Outcome o = meshsim(merge.toArray(String[]::new));
    assertEquals(0, o.exit() == 3 ? 0 : o.exit(), o.err());
    assertEquals(unsharded, Files.readString(merged));
  }

  @Test
  void theHtmlPageIsTheSameBytesForAnyThreadCount() throws Exception {
    List<String> question = List.of("plan", "max-rate", MM1, "--slo", "p99<=20ms", "--precision", "10%");
    assertEquals(html(question, "1"), html(question, "2"));
  }

  private String html(List<String> question, String threads) throws Exception {
    Path html = tmp.resolve("plan-" + threads + ".html");
    List<String> args = new ArrayList<>(question);
    args.addAll(QUICK);
    args.addAll(List.of("--threads", threads, "--html", html.toString()));
    Outcome o = meshsim(args.toArray(String[]::new));
    assertEquals(0, o.exit(), o.err());
    return Files.readString(html);
  }

  private String plan(List<String> question, String... more) throws Exception {
    Path json = Files.createTempFile(tmp, "plan", ".json");
    Files.delete(json);
    List<String> args = new ArrayList<>(question);
    args.addAll(QUICK);
    args.addAll(List.of(more));
    args.addAll(List.of("--json", json.toString()));
    Outcome o = meshsim(args.toArray(String[]::new));
    assertEquals(0, o.exit() == 3 ? 0 : o.exit(), o.err());
    return Files.readString(json);
  }
}

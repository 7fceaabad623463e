package dev.meshsim.e2e;

import static dev.meshsim.e2e.CliRun.meshsim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.meshsim.e2e.CliRun.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code meshsim plan} and {@code merge} as a user meets them: exit codes, errors, the Job manifest. */
class PlanCliTest {
  private static final String MM1 = "src/test/resources/scenarios/plan-mm1.yaml";

  @TempDir Path tmp;

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "max-rate --slo p99<=fast                              | --slo 'p99<=fast': expected a duration",
    "max-rate --slo p101<=1s                               | --slo 'p101<=1s': a percentile is above 0 and below 100",
    "max-rate --slo errors<=200%                           | --slo 'errors<=200%': a percentage of requests is between 0% and 100%",
    "max-rate --slo flag:XX<=1%                            | --slo 'flag:XX<=1%': \"XX\" is not an Envoy response flag",
    "max-rate --slo p99<=20ms --load nope                  | --load nope: the scenario has no load of that name; its loads are poisson",
    "max-rate --slo p99<=20ms --range 900..800             | --range '900..800' is empty",
    "max-rate                                              | max-rate: give the SLO with --slo",
    "min-replicas --slo p99<=20ms --deployment nope        | --deployment nope: the scenario has no Deployment of that name",
    "min-replicas --slo p99<=20ms --deployment server --range 4..2 | --range '4..2' is empty",
    "sweep --set services[0].deployments[0].replicsa=1,2   | no key \"replicsa\"; did you mean \"replicas\"?",
    "sweep --set services[0].deployments[0].replicas=1,two | plan-mm1.yaml:19:19: services[0].deployments[0].replicas: expected a whole number in [0, 10000], got \"two\" (this value was written by --set 'services[0].deployments[0].replicas=two')",
    "sweep --set services[0].deployments=1                 | is a list; --set replaces a single value",
    "sweep --set load[2].arrival.poisson=1/s               | load has 1 item ([0] to [0]), so [2] names nothing",
    "sweep --set mesh                                      | --set 'mesh': expected PATH=V1,V2",
  })
  void badPlanInputIsOneParagraphNamingTheArgumentExit2(String args, String expected) {
    List<String> argv = new ArrayList<>(List.of("plan"));
    String[] words = args.trim().split("\\s+");
    argv.add(words[0]);
    argv.add(MM1);
    argv.addAll(List.of(words).subList(1, words.length));
    Outcome o = meshsim(argv.toArray(String[]::new));
    assertEquals(2, o.exit(), o.err());
    assertTrue(o.err().contains(expected), "expected '" + expected + "' in: " + o.err());
    assertEquals(1, o.err().strip().lines().count(), "one paragraph: " + o.err());
    assertFalse(o.err().contains("\tat "), "no stack trace without --verbose");
  }

  @Test
  void exit3WhenNoValueInRangeMeetsTheSlo() {
    // One pod at 2400/s is overloaded whatever the range allows up to 2 pods.
    Outcome o = meshsim("plan", "min-replicas", "src/test/resources/scenarios/plan-random-pods.yaml",
        "--deployment", "server", "--slo", "p99<=20ms", "--range", "1..2", "--duration", "3s", "--max-reps", "4");
    assertEquals(3, o.exit(), o.err() + o.out());
    assertTrue(o.out().contains("answer: no value in range meets the SLO"), o.out());
  }

  @Test
  void mergeRefusesShardsOfADifferentSeed() throws Exception {
    Path a = shard("0/2", "1");
    Path b = shard("1/2", "2");
    Outcome o = meshsim("merge", a.toString(), b.toString());
    assertEquals(2, o.exit(), o.err());
    assertTrue(o.err().contains("refusing to combine") && o.err().contains("different seeds"), o.err());
  }

  @Test
  void mergeRefusesAShardOfAnotherVersionAndAMissingShard() throws Exception {
    Path a = shard("0/2", "1");
    Path b = shard("1/2", "1");
    Files.writeString(b, Files.readString(b).replaceFirst("\"version\" : \"[^\"]*\"", "\"version\" : \"meshsim 0.0.9\""));
    Outcome o = meshsim("merge", a.toString(), b.toString());
    assertEquals(2, o.exit(), o.err());
    assertTrue(o.err().contains("different meshsim versions"), o.err());
    Outcome missing = meshsim("merge", a.toString());
    assertEquals(2, missing.exit(), missing.err());
    assertTrue(missing.err().contains("shard 1 of 2 is missing"), missing.err());
  }

  @Test
  void mergeRefusesAScenarioThatChangedOrIsGone() throws Exception {
    Path scenario = tmp.resolve("mm1.yaml");
    Files.copy(Path.of(MM1), scenario);
    Path part = tmp.resolve("part.json");
    Outcome o = meshsim("plan", "sweep", scenario.toString(), "--set", "load[0].arrival.poisson=100/s",
        "--duration", "2s", "--max-reps", "2", "--min-reps", "2", "--shard", "0/1", "--partial", part.toString());
    assertEquals(0, o.exit(), o.err());
    Files.writeString(scenario, Files.readString(scenario).replace("seed: 11", "seed: 12"));
    Outcome changed = meshsim("merge", part.toString());
    assertEquals(2, changed.exit(), changed.err());
    assertTrue(changed.err().contains("is not the scenario the shards ran"), changed.err());
    Files.delete(scenario);
    Outcome gone = meshsim("merge", part.toString());
    assertEquals(2, gone.exit(), gone.err());
    assertTrue(gone.err().contains("cannot read the scenario"), gone.err());
  }

  @Test
  void emitJobWritesAnIndexedJobWhosePodsRunTheirShard() throws Exception {
    Path job = tmp.resolve("job.yaml");
    Outcome o = meshsim("plan", "max-rate", MM1, "--slo", "p99<=20ms", "--range", "400..1000",
        "--emit-job", job.toString(), "--image", "registry.example/meshsim:0.1.0", "--shards", "8",
        "--parallelism", "3");
    assertEquals(0, o.exit(), o.err());
    JsonNode m = new YAMLMapper().readTree(Files.readString(job));
    assertEquals("batch/v1", m.get("apiVersion").asText());
    assertEquals("Job", m.get("kind").asText());
    JsonNode spec = m.get("spec");
    assertEquals("Indexed", spec.get("completionMode").asText());
    assertEquals(8, spec.get("completions").asInt());
    assertEquals(3, spec.get("parallelism").asInt());
    JsonNode pod = spec.get("template").get("spec");
    assertEquals("Never", pod.get("restartPolicy").asText());
    JsonNode container = pod.get("containers").get(0);
    assertEquals("registry.example/meshsim:0.1.0", container.get("image").asText());
    List<String> args = new ArrayList<>();
    container.get("args").forEach(a -> {
      assertTrue(a.isTextual(), "every argument is a string: " + a);
      args.add(a.asText());
    });
    assertEquals(List.of("plan", "max-rate", "/scenario/plan-mm1.yaml"), args.subList(0, 3));
    int shard = args.indexOf("--shard");
    assertEquals("$(JOB_COMPLETION_INDEX)/8", args.get(shard + 1));
    assertEquals("/results/part-$(JOB_COMPLETION_INDEX).json", args.get(args.indexOf("--partial") + 1));
    assertEquals("meshsim-results",
        pod.get("volumes").get(1).get("persistentVolumeClaim").get("claimName").asText());
  }

  @Test
  void theJobManifestCarriesTheOutputMarkSoTheNextPlanMayReplaceItButNotAnUnmarkedOne() throws Exception {
    Path job = tmp.resolve("job.yaml");
    String[] emit = {"plan", "max-rate", MM1, "--slo", "p99<=20ms", "--range", "400..1000",
        "--emit-job", job.toString(), "--image", "x", "--shards", "2"};
    assertEquals(0, meshsim(emit).exit());
    String first = Files.readString(job);
    assertTrue(first.startsWith("# meshsim output; meshsim may replace this file\n# written by meshsim plan --emit-job"),
        first.lines().limit(2).toList().toString());
    Outcome again = meshsim(emit);
    assertEquals(0, again.exit(), again.err());
    assertEquals(first, Files.readString(job));
    // A manifest from before the one mark (its own first line only) is not replaced: remove it by hand.
    String legacy = first.substring(first.indexOf('\n') + 1);
    Files.writeString(job, legacy);
    Outcome refused = meshsim(emit);
    assertEquals(2, refused.exit(), refused.err());
    assertTrue(refused.err().contains("exists and was not written by meshsim"), refused.err());
    assertEquals(legacy, Files.readString(job));
  }

  @Test
  void mergeRefusesAShardFileOfTheFormatBeforeTheMarkSayingHowToRedoIt() throws Exception {
    Path old = tmp.resolve("part-0.json");
    Files.writeString(old, "{\"meshsim\": \"plan-shard\", \"version\": \"meshsim 0.1.0\", \"shard\": 0, \"shards\": 1}\n");
    Outcome o = meshsim("merge", old.toString());
    assertEquals(2, o.exit(), o.err());
    assertTrue(o.err().contains("part-0.json: a shard file of format 1, written by an older meshsim; this meshsim"
        + " merges format 2 only: run that shard again with this meshsim."), o.err());
  }

  @Test
  void emitJobRefusesAnUnboundedMaxRate() {
    Outcome o = meshsim("plan", "max-rate", MM1, "--slo", "p99<=20ms",
        "--emit-job", tmp.resolve("job.yaml").toString(), "--image", "x");
    assertEquals(2, o.exit(), o.err());
    assertTrue(o.err().contains("needs --range"), o.err());
  }

  @Test
  void outputsNeverOverwriteAFileMeshsimDidNotWrite() throws Exception {
    Path mine = tmp.resolve("notes.json");
    Files.writeString(mine, "{\"my\": \"notes\"}");
    Outcome o = meshsim("plan", "sweep", MM1, "--set", "load[0].arrival.poisson=100/s",
        "--duration", "2s", "--json", mine.toString());
    assertEquals(2, o.exit(), o.err());
    assertEquals("{\"my\": \"notes\"}", Files.readString(mine));
  }

  @Test
  void htmlHoldsTheKneeChartAsInlineSvg() throws Exception {
    Path html = tmp.resolve("plan.html");
    Path json = tmp.resolve("plan.json");
    Outcome o = meshsim("plan", "sweep", MM1, "--set", "load[0].arrival.poisson=200/s,600/s",
        "--slo", "p99<=20ms", "--duration", "2s", "--max-reps", "4", "--html", html.toString(),
        "--json", json.toString());
    assertEquals(0, o.exit(), o.err());
    assertTrue(Files.readString(json).startsWith("{\"meshsim\": \"meshsim output; meshsim may replace this file\",\n"
        + "  \"kind\" : \"plan\",\n"), "the run's JSON mark, then the kind");
    String page = Files.readString(html);
    assertTrue(page.startsWith("<!-- meshsim output; meshsim may replace this file -->\n<!DOCTYPE html>"), "the run's HTML mark");
    assertTrue(page.contains("<svg"), "an inline SVG chart");
    assertTrue(page.contains("SLO p99&lt;=20ms"), "the SLO line's label");
    assertFalse(page.contains("<script") || page.contains("src=\"http"), "self-contained");
  }

  private Path shard(String shard, String seed) {
    Path part = tmp.resolve("part-" + shard.replace('/', '-') + "-seed" + seed + ".json");
    Outcome o = meshsim("plan", "sweep", MM1, "--set", "load[0].arrival.poisson=100/s,200/s",
        "--duration", "2s", "--max-reps", "2", "--min-reps", "2", "--seed", seed, "--shard", shard,
        "--partial", part.toString());
    assertEquals(0, o.exit(), o.err());
    return part;
  }
  /**
   * A point whose load the mesh cannot serve stops at meshsim's bound on requests in flight: the
   * plan goes on, the point fails every SLO and says it was overloaded, and a sharded plan merges
   * to the same bytes.
   */
  @Test
  void anOverloadedPointFails_andThePlanGoesOn_shardedOrNot() throws Exception {
    List<String> args = List.of("plan", "sweep", MM1, "--set", "load[0].arrival.poisson=500/s,1000000/s",
        "--slo", "p99<=20ms", "--duration", "4s", "--min-reps", "2", "--max-reps", "2");
    Path whole = tmp.resolve("whole.json");
    List<String> run = new ArrayList<>(args);
    run.addAll(List.of("--json", whole.toString()));
    Outcome o = meshsim(run.toArray(String[]::new));
    assertEquals(0, o.exit(), o.err());
    assertTrue(o.out().contains("poisson=1000000/s  2     overloaded"), o.out());
    assertTrue(o.out().contains("answer: 1 of 2 points meet the SLO: poisson=500/s"), o.out());
    JsonNode points = new ObjectMapper().readTree(Files.readString(whole)).get("points");
    assertTrue(points.get(1).get("overloaded").asBoolean());
    assertEquals(0, points.get(1).get("metrics").size(), "nothing to estimate");
    assertEquals("fail", points.get(1).get("verdict").asText());
    List<String> parts = new ArrayList<>(List.of("merge"));
    for (int k = 0; k < 2; k++) {
      Path part = tmp.resolve("part-" + k + ".json");
      List<String> shard = new ArrayList<>(args);
      shard.addAll(List.of("--shard", k + "/2", "--partial", part.toString()));
      assertEquals(0, meshsim(shard.toArray(String[]::new)).exit());
      parts.add(part.toString());
    }
    Path merged = tmp.resolve("merged.json");
    parts.addAll(List.of("--json", merged.toString()));
    assertEquals(0, meshsim(parts.toArray(String[]::new)).exit());
    assertEquals(Files.readString(whole), Files.readString(merged));
  }
}

package dev.meshsim.plan.shard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code batch/v1} Job with {@code completionMode: Indexed} that runs a plan's shards: pod K
 * gets {@code JOB_COMPLETION_INDEX=K} from the Job controller (Kubernetes ≥ 1.24, KEP-2214), which
 * the container's arguments use as {@code --shard $(JOB_COMPLETION_INDEX)/M}, and writes its
 * partial file to a shared volume. A failed pod is recreated with the same index, so every shard
 * is written once.
 */
public final class IndexedJob {
  /**
   * The manifest's opening comment, for the person who reads it: what wrote it and what to do with
   * it. Not the mark by which meshsim recognises a file it may replace: the CLI writes that line above.
   */
  private static final String HEADER = "# written by meshsim plan --emit-job";
  static final String SCENARIO_DIR = "/scenario";
  static final String RESULTS_DIR = "/results";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

  /**
   * @param name the Job's name
   * @param image a container image whose entrypoint is meshsim
   * @param shards M, the completions
   * @param parallelism pods running at once
   * @param planArguments the plan's arguments with the scenario at {@link #scenarioPath}, without --shard
   * @param configMap the ConfigMap holding the scenario file
   * @param claim the PersistentVolumeClaim the partial files go to
   */
  public record Spec(String name, String image, int shards, int parallelism, List<String> planArguments,
      String configMap, String claim) {
    public Spec {
      planArguments = List.copyOf(planArguments);
    }
  }

  private IndexedJob() {}

  /** Where the scenario file {@code fileName} is inside the pod. */
  public static String scenarioPath(String fileName) {
    return SCENARIO_DIR + "/" + fileName;
  }

  /** Where shard K's partial file is inside the pod, {@code K} being written as given. */
  public static String partialPath(String k) {
    return RESULTS_DIR + "/part-" + k + ".json";
  }

  /** A Job name from a scenario name: lower case, [a-z0-9-], at most 63 characters. */
  public static String jobName(String scenario) {
    String n = ("meshsim-plan-" + scenario.toLowerCase(Locale.ROOT)).replaceAll("[^a-z0-9-]+", "-")
        .replaceAll("-+", "-");
    n = n.length() > 63 ? n.substring(0, 63) : n;
    return n.replaceAll("-+$", "");
  }

  public static String yaml(Spec s) {
    List<String> args = new ArrayList<>(s.planArguments());
    args.addAll(List.of("--shard", "$(JOB_COMPLETION_INDEX)/" + s.shards(),
        "--partial", partialPath("$(JOB_COMPLETION_INDEX)")));
    Map<String, Object> container = map("name", "meshsim", "image", s.image(), "args", args,
        "volumeMounts", List.of(
            map("name", "scenario", "mountPath", SCENARIO_DIR, "readOnly", true),
            map("name", "results", "mountPath", RESULTS_DIR)));
    Map<String, Object> podSpec = map("restartPolicy", "Never", "containers", List.of(container),
        "volumes", List.of(
            map("name", "scenario", "configMap", map("name", s.configMap())),
            map("name", "results", "persistentVolumeClaim", map("claimName", s.claim()))));
    Map<String, Object> job = map(
        "apiVersion", "batch/v1",
        "kind", "Job",
        "metadata", map("name", s.name(), "labels", map("app.kubernetes.io/name", "meshsim")),
        "spec", map(
            "completionMode", "Indexed",
            "completions", s.shards(),
            "parallelism", s.parallelism(),
            "backoffLimit", Math.max(6, s.shards()),
            "template", map("metadata", map("labels", map("app.kubernetes.io/name", "meshsim")),
                "spec", podSpec)));
    try {
      return HEADER + " (" + s.shards() + " shards; apply, wait for condition=complete, then merge)\n"
          + YAML.writeValueAsString(job);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}

package dev.meshsim.cli;

import dev.meshsim.plan.PlanInputException;
import dev.meshsim.plan.StoppingRule;
import dev.meshsim.scenario.Durations;
import dev.meshsim.scenario.Scenario;
import dev.meshsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every {@code meshsim plan} question shares. */
final class PlanOptions {
  @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario YAML file.")
  Path scenarioFile;

  @Option(names = "--slo", paramLabel = "TERM", description = "An SLO term: pNN<=D, mean<=D, errors<=X%%,"
      + " flag:UO<=X%%, throughput>=R. Several are ANDed.")
  List<String> slo = new ArrayList<>();

  @Option(names = "--load", paramLabel = "NAME", description = "The load whose requests the SLO reads"
      + " (and, for max-rate, the load to scale). Default: all loads together.")
  String load;

  @Option(names = "--min-reps", paramLabel = "N", defaultValue = "4", description = "Replications per point"
      + " before the first look (default ${DEFAULT-VALUE}).")
  int minReps;

  @Option(names = "--max-reps", paramLabel = "N", defaultValue = "20", description = "The most replications"
      + " a point gets (default ${DEFAULT-VALUE}).")
  int maxReps;

  @Option(names = "--rel-precision", paramLabel = "X%", defaultValue = "5%", description = "Stop adding"
      + " replications when every 95%% interval's half-width is below this share of its mean (default"
      + " ${DEFAULT-VALUE}), or the SLO decision is clear.")
  String relPrecision;

  @Option(names = "--threads", paramLabel = "N", description = "Simulations run at once (default: all cores)."
      + " The output is the same for any value.")
  Integer threads;

  @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's seed.")
  Long seed;

  @Option(names = "--duration", paramLabel = "D", description = "Override each replication's duration.")
  String duration;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the plan as JSON.")
  Path jsonFile;

  @Option(names = "--html", paramLabel = "FILE", description = "Write the knee chart as a self-contained HTML page.")
  Path htmlFile;

  @Option(names = "--shard", paramLabel = "K/M", description = "Run only shard K of M and write it to --partial.")
  String shard;

  @Option(names = "--partial", paramLabel = "FILE", description = "Where --shard writes its partial result.")
  Path partialFile;

  @Option(names = "--emit-job", paramLabel = "FILE", description = "Write a Kubernetes Indexed Job that"
      + " runs this plan in --shards shards, and stop.")
  Path jobFile;

  @Option(names = "--image", paramLabel = "IMAGE", description = "The container image for --emit-job"
      + " (its entrypoint must be meshsim).")
  String image;

  @Option(names = "--shards", paramLabel = "M", defaultValue = "4", description = "Shards of --emit-job"
      + " (default ${DEFAULT-VALUE}).")
  int shards;

  @Option(names = "--parallelism", paramLabel = "P", description = "Pods of --emit-job running at once"
      + " (default: --shards).")
  Integer parallelism;

  @Option(names = "--stats", description = "Print wall time and simulations run to stderr.")
  boolean stats;

  @Option(names = "--verbose", description = "Show stack traces on errors.")
  boolean verbose;

  /** Beyond these a plan is a typo that would run for days, not a plan. */
  static final int MAX_REPS = 1000;
  static final int MAX_THREADS = 1024;

  StoppingRule rule() {
    if (maxReps > MAX_REPS) {
      throw new PlanInputException("--max-reps " + maxReps + ": at most " + MAX_REPS + " replications a point.");
    }
    return new StoppingRule(minReps, maxReps, percent("--rel-precision", relPrecision));
  }

  int threadCount() {
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1 || n > MAX_THREADS) {
      throw new BadInputException("--threads must be in 1.." + MAX_THREADS + ", got " + n, null);
    }
    return n;
  }

  /**
   * Refuses an option the chosen mode would ignore: a plan writes either a Job manifest
   * ({@code --emit-job}), one shard's partial file ({@code --shard}) or the plan itself ({@code
   * --json}, {@code --html}); an output that would silently never be written is a mistake.
   */
  /** The plan's own outputs, which a mode that writes something else never writes. */
  private void refusePlanOutputs(String why) {
    refuse("--json", jsonFile, why + "; the plan's JSON comes from `meshsim merge PART... --json FILE`");
    refuse("--html", htmlFile, why + "; the chart comes from `meshsim merge PART... --html FILE`");
  }

  void refuseIgnoredOptions(boolean shardsGiven) {
    if (jobFile != null) {
      refuse("--shard", shard, "--emit-job writes a Job manifest whose pods run the shards; drop --shard");
      refuse("--partial", partialFile, "--emit-job writes only the Job manifest; drop --partial");
      refusePlanOutputs("--emit-job writes only the Job manifest");
    } else {
      refuse("--image", image, "is used only with --emit-job");
      refuse("--parallelism", parallelism, "is used only with --emit-job");
      refuse("--shards", shardsGiven ? shards : null, "is used only with --emit-job (one shard runs with"
          + " --shard K/M)");
    }
    if (shard != null) {
      refusePlanOutputs("--shard writes only its --partial file");
    } else {
      refuse("--partial", partialFile, "is used only with --shard K/M (the file the shard writes)");
    }
  }

  private static void refuse(String option, Object value, String problem) {
    if (value != null) {
      throw new BadInputException(option + ": " + problem, null);
    }
  }

  /** The scenario with --seed and --duration applied. */
  Scenario adjust(Scenario scenario) {
    Scenario s = seed == null ? scenario : scenario.withSeed(seed);
    if (duration == null) {
      return s;
    }
    long nanos;
    try {
      nanos = Durations.parseNanos(duration);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--duration: " + e.getMessage(), e);
    }
    try {
      return ScenarioLoader.withDuration(s, nanos); // run's bounds: at most 720h, past the warmup
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--duration " + duration + ": " + e.getMessage(), e);
    }
  }

  /** The options that change the result, in a fixed order, for shard files and Job manifests. */
  List<String> canonical() {
    List<String> a = new ArrayList<>();
    slo.forEach(t -> a.addAll(List.of("--slo", t)));
    if (load != null) {
      a.addAll(List.of("--load", load));
    }
    a.addAll(List.of("--min-reps", Integer.toString(minReps), "--max-reps", Integer.toString(maxReps),
        "--rel-precision", relPrecision));
    if (seed != null) {
      a.addAll(List.of("--seed", Long.toString(seed)));
    }
    if (duration != null) {
      a.addAll(List.of("--duration", duration));
    }
    return a;
  }

  /** {@code 5%} as 0.05. */
  static double percent(String option, String text) {
    String t = text.trim();
    try {
      if (t.endsWith("%")) {
        double v = Double.parseDouble(t.substring(0, t.length() - 1)) / 100;
        if (v > 0 && v < 1) {
          return v;
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new PlanInputException(option + " '" + text + "': expected a percentage above 0% and below 100%, e.g. 5%.");
  }
}

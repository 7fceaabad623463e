package dev.meshsim.cli;

import dev.meshsim.cli.OutputFiles.Mark;
import dev.meshsim.plan.Loads;
import dev.meshsim.plan.Metric;
import dev.meshsim.plan.Parameter;
import dev.meshsim.plan.PlanInputException;
import dev.meshsim.plan.PlanResult;
import dev.meshsim.plan.Planner;
import dev.meshsim.plan.Question;
import dev.meshsim.plan.SampleSource;
import dev.meshsim.plan.SimulatedSamples;
import dev.meshsim.plan.SloParser;
import dev.meshsim.plan.SloTerm;
import dev.meshsim.plan.chart.PlanHtml;
import dev.meshsim.plan.output.PlanJson;
import dev.meshsim.plan.output.PlanTable;
import dev.meshsim.plan.shard.IndexedJob;
import dev.meshsim.plan.shard.PartialFile;
import dev.meshsim.plan.shard.ShardRunner;
import dev.meshsim.plan.shard.ShardSpec;
import dev.meshsim.scenario.LoadedScenario;
import dev.meshsim.scenario.Scenario;
import dev.meshsim.scenario.ScenarioException;
import dev.meshsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.meshsim.text.SafeText;
import dev.meshsim.yaml.ReadLimits;
import dev.meshsim.yaml.SourceFile;
import dev.meshsim.yaml.SourceFiles;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * The flow every plan question shares: load and check everything first, then either write a Job
 * manifest, run one shard, or run the whole plan; then print and write the outputs.
 */
final class PlanExecution {
  /** What a sweep without --slo reports. */
  private static final List<Metric> REPORTED = List.of(new Metric.Percentile(50), new Metric.Percentile(99),
      new Metric.Mean(), new Metric.Errors(), new Metric.Throughput());

  private PlanExecution() {}

  static int run(PlanQuestionCommand q, CommandLine cli) throws Exception {
    try {
      return execute(q, cli, null);
    } catch (PlanInputException e) {
      throw new BadInputException(e.getMessage(), e);
    } catch (ScenarioException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }

  /**
   * Runs {@code q}; with {@code table} non-null (merge) its samples are read from there instead of
   * simulated, and only the plan's outputs are written.
   */
  static int execute(PlanQuestionCommand q, CommandLine cli, SampleSource table) throws Exception {
    return execute(q, cli, table, List.of());
  }

  /** As {@link #execute(PlanQuestionCommand, CommandLine, SampleSource)}; {@code otherInputs} (merge's
   * shard files) are protected from the outputs as the scenario is. */
  static int execute(PlanQuestionCommand q, CommandLine cli, SampleSource table, List<SourceFile> otherInputs)
      throws Exception {
    PlanOptions o = q.options;
    if (table == null) {
      var parsed = q.spec == null ? null : q.spec.commandLine().getParseResult();
      o.refuseIgnoredOptions(parsed != null && parsed.hasMatchedOption("--shards"));
    }
    List<SloTerm> terms = terms(q);
    var rule = o.rule();
    LoadedScenario loaded = ScenarioLoader.load(o.scenarioFile);
    PrintWriter err = cli.getErr();
    if (table == null) {
      loaded.warnings().forEach(w -> err.println("meshsim: warning: " + SafeText.escape(w)));
    }
    Scenario base = o.adjust(loaded.scenario());
    Loads.check(base, o.load);
    Parameter parameter = q.parameter(base);
    Planner.Setup setup = new Planner.Setup(base.name(), base.seed(), o.load, terms, rule);
    List<SourceFile> inputs = new ArrayList<>(loaded.inputs());
    inputs.addAll(otherInputs);
    if (table == null && o.jobFile != null) {
      return emitJob(q, base, parameter, inputs);
    }
    if (table == null && o.shard != null) {
      return runShard(q, base, parameter, inputs, err);
    }
    OutputFiles.Output json = o.jsonFile == null ? null : new OutputFiles.Output(o.jsonFile, Mark.JSON_FIELD);
    OutputFiles.Output html = o.htmlFile == null ? null : new OutputFiles.Output(o.htmlFile, Mark.HTML_COMMENT);
    List<OutputFiles.Output> outputs = new ArrayList<>();
    for (OutputFiles.Output output : new OutputFiles.Output[] {json, html}) {
      if (output != null) {
        outputs.add(output);
      }
    }
    OutputFiles.preflight(outputs, inputs);
    PlanResult result;
    long start = System.nanoTime();
    if (table != null) {
      result = q.search(new Planner(setup, table), parameter);
    } else {
      try (SimulatedSamples sim = new SimulatedSamples(parameter, o.load, base.seed(), rule.maxReps(), o.threadCount())) {
        result = q.search(new Planner(setup, sim), parameter);
        if (o.stats) {
          err.printf(java.util.Locale.ROOT, "meshsim: stats: wall %.1f s, %d simulations on %d threads%n",
              (System.nanoTime() - start) / 1e9, sim.simulations(), o.threadCount());
        }
      }
    }
    PrintWriter out = cli.getOut();
    out.print(PlanTable.render(result));
    out.flush();
    if (json != null) {
      OutputFiles.write(json, PlanJson.toJson(result));
    }
    if (html != null) {
      OutputFiles.write(html, PlanHtml.render(result));
    }
    return result.exitStatus();
  }

  private static List<SloTerm> terms(PlanQuestionCommand q) {
    if (q.options.slo.isEmpty()) {
      if (q.question() != Question.SWEEP) {
        throw new PlanInputException(q.question().command() + ": give the SLO with --slo, e.g. --slo 'p99<=200ms'"
            + " --slo 'errors<=0.1%'.");
      }
      return REPORTED.stream().map(SloTerm::report).toList();
    }
    return SloParser.parse(q.options.slo);
  }

  private static int runShard(PlanQuestionCommand q, Scenario base, Parameter parameter, List<SourceFile> inputs,
      PrintWriter err) throws IOException {
    PlanOptions o = q.options;
    ShardSpec shard = ShardSpec.parse(o.shard);
    if (o.partialFile == null) {
      throw new PlanInputException("--shard " + o.shard + " needs --partial FILE, where the shard's result goes.");
    }
    OutputFiles.Output partial = new OutputFiles.Output(o.partialFile, Mark.JSON_FIELD);
    OutputFiles.preflight(List.of(partial), inputs);
    List<Long> keys = checkedShardKeys(q, parameter);
    long start = System.nanoTime();
    List<PartialFile.Entry> entries = ShardRunner.run(parameter, o.load, base.seed(), keys, o.maxReps, shard,
        o.threadCount());
    PartialFile part = new PartialFile(header(q, base, shard), entries);
    OutputFiles.write(partial, part.toJson());
    err.printf(java.util.Locale.ROOT, "meshsim: shard %d/%d: %d of %d simulations (%d points x %d"
        + " replications) written to %s in %.1f s%n", shard.index(), shard.count(), entries.size(),
        (long) keys.size() * o.maxReps, keys.size(), o.maxReps, o.partialFile, (System.nanoTime() - start) / 1e9);
    err.flush();
    return 0;
  }

  static PartialFile.Header header(PlanQuestionCommand q, Scenario base, ShardSpec shard) throws IOException {
    return new PartialFile.Header(version(), base.name(), base.seed(), digest(q.options.scenarioFile),
        arguments(q, Path::toString), shard.index(), shard.count());
  }

  private static int emitJob(PlanQuestionCommand q, Scenario base, Parameter parameter, List<SourceFile> inputs)
      throws IOException {
    PlanOptions o = q.options;
    if (o.image == null) {
      throw new PlanInputException("--emit-job needs --image IMAGE, a container image whose entrypoint is meshsim.");
    }
    if (o.shards < 1 || o.shards > PartialFile.MAX_SHARDS) {
      throw new PlanInputException("--shards must be in 1.." + PartialFile.MAX_SHARDS + ", got " + o.shards + ".");
    }
    int parallelism = o.parallelism == null ? o.shards : o.parallelism;
    if (parallelism < 1) {
      throw new PlanInputException("--parallelism must be at least 1, got " + parallelism + ".");
    }
    checkedShardKeys(q, parameter); // a search that cannot be sharded is refused now, not in the pods
    OutputFiles.Output job = new OutputFiles.Output(o.jobFile, Mark.HASH_COMMENT);
    OutputFiles.preflight(List.of(job), inputs);
    String fileName = o.scenarioFile.getFileName().toString();
    IndexedJob.Spec spec = new IndexedJob.Spec(IndexedJob.jobName(base.name()), o.image, o.shards, parallelism,
        arguments(q, p -> IndexedJob.scenarioPath(fileName)), "meshsim-scenario", "meshsim-results");
    OutputFiles.write(job, IndexedJob.yaml(spec));
    return 0;
  }

  /** Most simulations a sharded plan may ask for in all. */
  private static final long MAX_SHARDED_SIMULATIONS = 10_000_000;

  private static List<Long> checkedShardKeys(PlanQuestionCommand q, Parameter parameter) {
    List<Long> keys = q.shardKeys(parameter);
    long total = (long) keys.size() * q.options.maxReps;
    if (total > MAX_SHARDED_SIMULATIONS) {
      throw new PlanInputException("--shard: the plan would run " + total + " simulations (" + keys.size()
          + " points x --max-reps " + q.options.maxReps + "); narrow --range or coarsen --precision.");
    }
    return keys;
  }

  /** {@code plan QUESTION SCENARIO} and every option that changes the result, in a fixed order. */
  static List<String> arguments(PlanQuestionCommand q, Function<Path, String> scenario) {
    List<String> a = new ArrayList<>(List.of("plan", q.question().command(), scenario.apply(q.options.scenarioFile)));
    a.addAll(q.ownArguments());
    a.addAll(q.options.canonical());
    return a;
  }

  static String version() {
    return new CommandLine(new Main()).getCommandSpec().version()[0];
  }

  static String digest(Path file) {
    return digest(new SourceFiles(ReadLimits.DEFAULT), file);
  }

  /** The scenario's SHA-256, read through the guarded reader (a FIFO or a device is refused). */
  static String digest(SourceFiles reader, Path file) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(reader.readBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

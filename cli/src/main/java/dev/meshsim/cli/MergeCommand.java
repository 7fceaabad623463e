package dev.meshsim.cli;

import dev.meshsim.plan.PlanInputException;
import dev.meshsim.plan.shard.PartialFile;
import dev.meshsim.plan.shard.ShardMerge;
import dev.meshsim.plan.shard.ShardTable;
import dev.meshsim.scenario.ScenarioException;
import dev.meshsim.yaml.ReadLimits;
import dev.meshsim.yaml.SourceFiles;
import dev.meshsim.yaml.YamlException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code meshsim merge PART…}: the shards of a plan combined into the result the unsharded plan
 * would have printed and written, byte for byte. The plan is re-read from the shard files'
 * arguments and run on their samples; files from different versions, scenarios, seeds or plans are
 * refused.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
    description = "Combine the partial files of a sharded plan into its result (same bytes as unsharded).")
final class MergeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PART", description = "The partial files, one per shard.")
  List<Path> parts = new ArrayList<>();

  @Option(names = "--scenario", paramLabel = "FILE", description = "The scenario file, if not at the path"
      + " the shards used (it must have the same content).")
  Path scenario;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the plan as JSON.")
  Path jsonFile;

  @Option(names = "--html", paramLabel = "FILE", description = "Write the knee chart as HTML.")
  Path htmlFile;

  @Option(names = "--verbose", description = "Show stack traces on errors.")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    try {
      return merge();
    } catch (PlanInputException | ScenarioException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }

  private int merge() throws Exception {
    List<PartialFile> files = new ArrayList<>();
    List<String> names = new ArrayList<>();
    SourceFiles reader = new SourceFiles(ReadLimits.DEFAULT);
    for (Path p : parts) {
      files.add(PartialFile.parse(read(reader, p), p.toString()));
      names.add(p.toString());
    }
    ShardTable table = ShardMerge.merge(files, names);
    PartialFile.Header header = files.get(0).header();
    if (!header.version().equals(PlanExecution.version())) {
      throw new PlanInputException("merge: refusing to combine: the shards were written by " + header.version()
          + " and this is " + PlanExecution.version() + ".");
    }
    List<String> args = new ArrayList<>(header.arguments());
    if (args.size() < 3 || !args.get(0).equals("plan")) {
      throw new PlanInputException(names.get(0) + ": not a meshsim shard file: its arguments are not a plan.");
    }
    if (scenario != null) {
      args.set(2, scenario.toString());
    }
    String digest;
    try {
      digest = PlanExecution.digest(reader, Path.of(args.get(2)));
    } catch (YamlException | java.nio.file.InvalidPathException e) {
      throw new PlanInputException("merge: cannot read the scenario " + args.get(2) + " the shards ran; give it"
          + " with --scenario FILE.");
    }
    if (!digest.equals(header.scenarioDigest())) {
      throw new PlanInputException("merge: refusing to combine: " + args.get(2) + " is not the scenario the"
          + " shards ran (its content differs); give that file with --scenario FILE.");
    }
    addOutput(args, "--json", jsonFile);
    addOutput(args, "--html", htmlFile);
    CommandLine plan = new CommandLine(new Main());
    PlanQuestionCommand question;
    try {
      CommandLine.ParseResult parsed = plan.parseArgs(args.toArray(String[]::new));
      question = (PlanQuestionCommand) parsed.subcommand().subcommand().commandSpec().userObject();
    } catch (CommandLine.ParameterException | NullPointerException | ClassCastException e) {
      throw new PlanInputException(names.get(0) + ": not a meshsim shard file: its arguments are not a plan"
          + " this meshsim can run.");
    }
    // The parts and the scenario are inputs: no output of the merge may replace them.
    return PlanExecution.execute(question, spec.commandLine(), table, reader.files());
  }

  private static void addOutput(List<String> args, String option, Path file) {
    if (file != null) {
      args.addAll(List.of(option, file.toString()));
    }
  }

  /** A shard file through the guarded reader: a FIFO or {@code /dev/zero} is refused, not read. */
  private static String read(SourceFiles reader, Path p) {
    try {
      return reader.readText(p);
    } catch (YamlException e) {
      throw new PlanInputException(e.getMessage() + ".");
    }
  }
}

package dev.meshsim.cli;

import dev.meshsim.inspect.snapshot.InspectException;
import dev.meshsim.inspect.Inspection;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code meshsim inspect DIR VIEW …}: ask a snapshot written by {@code run --inspect-at} what
 * {@code istioctl proxy-status}, {@code istioctl proxy-config} or Envoy's admin would have said,
 * dump a proxy's config as Envoy's config_dump, or compare it with a real pod's.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {"Inspect a snapshot taken by `run --inspect-at T --inspect-dir DIR`:",
        "  inspect DIR proxy-status",
        "  inspect DIR proxy-config listeners|routes|clusters|endpoints POD [--fqdn F] [--cluster C] [-o json]",
        "  inspect DIR admin POD /clusters|/stats",
        "  inspect DIR config-dump POD",
        "  inspect DIR compare POD REAL-CONFIG-DUMP.json",
        "See docs/inspect.md."})
final class InspectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The snapshot directory.")
  Path dir;

  @Parameters(index = "1..*", paramLabel = "VIEW", description = "What to show, and of which pod.")
  List<String> words = List.of();

  @Option(names = "--at", paramLabel = "T", description = "The instant, when the directory holds several.")
  String at;

  @Option(names = "--fqdn", paramLabel = "FQDN", description = "clusters: only those of this service.")
  String fqdn;

  @Option(names = "--cluster", paramLabel = "NAME", description = "endpoints: only this cluster's.")
  String cluster;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "short (the table) or json.")
  String output;

  @Option(names = "--verbose", description = "Show stack traces on errors.")
  boolean verbose;

  @Override
  public Integer call() {
    String text;
    try {
      text = Inspection.open(dir, at).answer(words, new Inspection.Filters(fqdn, cluster, output));
    } catch (InspectException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    var out = spec.commandLine().getOut();
    out.print(text);
    out.flush();
    return 0;
  }
}

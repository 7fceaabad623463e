package dev.meshsim.scenario;

import dev.meshsim.istio.IstioConfig;
import dev.meshsim.yaml.ReadLimits;
import dev.meshsim.yaml.SourceFiles;
import dev.meshsim.yaml.YamlException;
import dev.meshsim.yaml.YamlReader;
import java.nio.file.Path;
import java.util.List;

/**
 * Istio manifest files read on their own (outside a scenario), as {@code kubectl apply -f} would
 * take them: every document of every file, in order, bound and validated like a scenario's {@code
 * istioFiles}. A public entry to the package's binders for tools that compare configs.
 */
public final class IstioManifests {
  private IstioManifests() {}

  /** The VirtualServices and DestinationRules of {@code files}, in file and document order. */
  public static IstioConfig read(List<Path> files, IstioVersion version) throws ScenarioException {
    try {
      IstioBinder binder = new IstioBinder(new Warnings(), version);
      SourceFiles sources = new SourceFiles(ReadLimits.DEFAULT);
      for (Path f : files) {
        sources.read(f).forEach(binder::add);
      }
      return binder.resources();
    } catch (YamlException e) {
      throw ScenarioException.from(e);
    }
  }

  /** The same for manifest text not in a file (e.g. {@code git show rev:path}); positions name {@code name}. */
  public static IstioConfig read(String text, String name, IstioVersion version) throws ScenarioException {
    try {
      IstioBinder binder = new IstioBinder(new Warnings(), version);
      YamlReader.read(text, name, ReadLimits.DEFAULT).forEach(binder::add);
      return binder.resources();
    } catch (YamlException e) {
      throw ScenarioException.from(e);
    }
  }
}

package dev.meshsim.testkit.diff;

import dev.meshsim.istio.DestinationRule;
import dev.meshsim.istio.IstioConfig;
import dev.meshsim.istio.ObjectMeta;
import dev.meshsim.istio.VirtualService;
import dev.meshsim.scenario.IstioManifests;
import dev.meshsim.scenario.IstioVersion;
import dev.meshsim.scenario.ScenarioException;
import dev.meshsim.testkit.MeshPolicies;
import dev.meshsim.testkit.PolicyException;
import dev.meshsim.yaml.YamlException;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import dev.meshsim.yaml.ReadLimits;
import dev.meshsim.yaml.SourceFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One side of a diff: a scenario file (its Istio config taken whole), or Istio manifests (a file
 * or a directory of {@code .yaml}/{@code .yml}/{@code .json} files, sorted by name) applied over the
 * base scenario's config as {@code kubectl apply} would: an object of the same kind, namespace and
 * name replaces the old one in place; a new one comes after the others. {@code REV:PATH} (a path
 * that does not exist as a file) names a manifest file at a git revision, read with {@code git show}.
 */
public final class ConfigSource {
  private ConfigSource() {}

  /** The policies of {@code base}'s scenario under the config {@code path} describes. */
  public static MeshPolicies load(Path path, MeshPolicies base) {
    if (!Files.exists(path) && GitRevision.looksLike(path.toString())) {
      try {
        String text = GitRevision.show(path.toString());
        return base.withIstio(applyOver(base.scenario().istio(),
            IstioManifests.read(text, path.toString(), base.scenario().istioVersion())));
      } catch (ScenarioException e) {
        throw new PolicyException(e.getMessage(), e);
      }
    }
    if (!Files.isDirectory(path) && isScenario(path)) {
      return base.withIstio(MeshPolicies.load(path).scenario().istio());
    }
    List<Path> files = files(path);
    IstioVersion version = base.scenario().istioVersion();
    try {
      return base.withIstio(applyOver(base.scenario().istio(), IstioManifests.read(files, version)));
    } catch (ScenarioException e) {
      throw new PolicyException(e.getMessage(), e);
    }
  }

  /** Whether the file is a scenario (a single mapping with {@code services}) rather than manifests. */
  public static boolean isScenario(Path file) {
    try {
      List<YamlNode> docs = new SourceFiles(ReadLimits.DEFAULT).read(file);
      return docs.size() == 1 && docs.get(0) instanceof YamlMap m && m.keys().contains("services");
    } catch (YamlException e) {
      throw new PolicyException(e.getMessage(), e);
    }
  }

  private static List<Path> files(Path path) {
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> s = Files.list(path)) {
      List<Path> files = s.filter(p -> p.getFileName().toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
      if (files.isEmpty()) {
        throw new PolicyException(path + ": no .yaml, .yml or .json files in this directory");
      }
      return files;
    } catch (IOException e) {
      throw new PolicyException(path + ": cannot list the directory (" + e.getMessage() + ")", e);
    }
  }

  /** {@code kubectl apply} of {@code changes} over {@code base}, keeping creation order. */
  static IstioConfig applyOver(IstioConfig base, IstioConfig changes) {
    Map<String, VirtualService> vss = new LinkedHashMap<>();
    base.virtualServices().forEach(vs -> vss.put(key(vs.meta()), vs));
    Map<String, DestinationRule> drs = new LinkedHashMap<>();
    base.destinationRules().forEach(dr -> drs.put(key(dr.meta()), dr));
    int next = 1 + Math.max(maxOrder(base), 0);
    for (VirtualService vs : changes.virtualServices()) {
      VirtualService old = vss.get(key(vs.meta()));
      int order = old != null ? old.meta().order() : next++;
      vss.put(key(vs.meta()), new VirtualService(meta(vs.meta(), order), vs.hosts(), vs.gateways(), vs.http(),
          vs.exportTo(), vs.tcp(), vs.tls()));
    }
    for (DestinationRule dr : changes.destinationRules()) {
      DestinationRule old = drs.get(key(dr.meta()));
      int order = old != null ? old.meta().order() : next++;
      drs.put(key(dr.meta()), new DestinationRule(meta(dr.meta(), order), dr.host(), dr.trafficPolicy(), dr.subsets()));
    }
    return new IstioConfig(new ArrayList<>(vss.values()), new ArrayList<>(drs.values()));
  }

  private static int maxOrder(IstioConfig c) {
    int max = -1;
    for (VirtualService vs : c.virtualServices()) {
      max = Math.max(max, vs.meta().order());
    }
    for (DestinationRule dr : c.destinationRules()) {
      max = Math.max(max, dr.meta().order());
    }
    return max;
  }

  private static ObjectMeta meta(ObjectMeta m, int order) {
    return new ObjectMeta(m.name(), m.namespace(), order);
  }

  private static String key(ObjectMeta m) {
    return m.namespace() + "/" + m.name();
  }
}

package dev.meshsim.scenario;

import dev.meshsim.istio.IstioConfig;
import dev.meshsim.timeline.Timeline;
import dev.meshsim.yaml.Position;
import dev.meshsim.yaml.ReadLimits;
import dev.meshsim.yaml.SourceFiles;
import dev.meshsim.yaml.YamlException;
import dev.meshsim.yaml.YamlList;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import dev.meshsim.yaml.YamlReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads a scenario file into a validated, immutable {@link Scenario}: parsing happens here, once,
 * and every problem is reported with file, line, column and field path. The format is documented in
 * the README's scenario format and {@code scenarios/reference.yaml}.
 */
public final class ScenarioLoader {

  static final List<String> TOP_KEYS = List.of(
      "name", "seed", "duration", "warmup", "mesh", "services", "istio", "istioFiles", "load",
      "timeline", "controlPlane", "lifecycle", "report", "kubernetes", "kubernetesFiles", "workloads",
      "external", "ingressGateway", "egressGateway");
  /** The keys of {@code istio} when it is a mapping rather than the list of resources. */
  static final List<String> ISTIO_KEYS = List.of("version", "resources", "meshConfig", "pilot");

  private final Path file;
  private final Warnings warnings = new Warnings();
  private final SourceFiles sources;

  private ScenarioLoader(Path file, SourceFiles sources) {
    this.file = file;
    this.sources = sources;
  }

  /**
   * Loads and validates {@code file}. The warnings of the result name Istio kinds and fields that
   * are read but not modelled yet, and routes that will fail at run time; callers should show them.
   */
  public static LoadedScenario load(Path file) throws ScenarioException {
    return load(file, ReadLimits.DEFAULT);
  }

  /**
   * Loads and validates {@code file}, reading every input file within {@code limits}. The result
   * names every file read ({@link LoadedScenario#inputs()}), so that no output overwrites one.
   */
  public static LoadedScenario load(Path file, ReadLimits limits) throws ScenarioException {
    try {
      SourceFiles sources = new SourceFiles(limits);
      ScenarioLoader loader = new ScenarioLoader(file, sources);
      Scenario scenario = loader.bind(single(sources.read(file), file));
      return loader.loaded(scenario, sources);
    } catch (YamlException e) {
      throw ScenarioException.from(e);
    }
  }

  private LoadedScenario loaded(Scenario scenario, SourceFiles sources) {
    return new LoadedScenario(scenario, warnings.list(), warnings.infos(), sources.files());
  }

  /**
   * Loads {@code file} with {@code edits} applied to its text first ({@code --set}); an error
   * about an edited value also names the argument that wrote it. See {@link ScenarioOverrides}.
   */
  public static LoadedScenario load(Path file, List<ScenarioOverrides.Edit> edits) throws ScenarioException {
    if (edits.isEmpty()) {
      return load(file);
    }
    try {
      SourceFiles sources = new SourceFiles(ReadLimits.DEFAULT);
      String text = sources.readText(file);
      List<Position> positions = ScenarioOverrides.positions(text, file.toString(), edits);
      String edited = ScenarioOverrides.apply(text, file.toString(), edits);
      ScenarioLoader loader = new ScenarioLoader(file, sources);
      try {
        Scenario scenario = loader.bind(single(YamlReader.read(edited, file.toString(), sources.limits()), file));
        return loader.loaded(scenario, sources);
      } catch (YamlException e) {
        throw ScenarioOverrides.attribute(ScenarioException.from(e), edits, positions);
      }
    } catch (YamlException e) {
      throw ScenarioException.from(e);
    }
  }

  /**
   * {@code scenario} with the duration given on the command line, checked as a duration written
   * in the file is.
   *
   * @throws IllegalArgumentException whose message says what is wrong, for the user
   */
  /**
   * Why {@code nanos} is not a duration meshsim runs ({@code must be > 0 and at most 720h …}), or
   * null when it is: the bound of a scenario's {@code duration}, for every command that takes one.
   */
  public static String durationProblem(long nanos) {
    return nanos > 0 && nanos <= ScenarioLimits.MAX_DURATION_NANOS ? null
        : "must be > 0 and at most " + ScenarioLimits.MAX_DURATION_TEXT + " (meshsim's limit)";
  }

  public static Scenario withDuration(Scenario scenario, long nanos) {
    return ScenarioLimits.withDuration(scenario, nanos);
  }

  /** A scenario file holds exactly one YAML document, a mapping. */
  private static YamlMap single(List<YamlNode> docs, Path file) {
    if (docs.isEmpty()) {
      throw new YamlException(new Position(file.toString(), 1, 1), "", "the file is empty");
    }
    if (docs.size() > 1) {
      throw docs.get(1).fail("a scenario file holds one YAML document; put Istio resources in istioFiles");
    }
    return docs.get(0).asMap();
  }

  private Scenario bind(YamlMap root) {
    root.allowOnly(TOP_KEYS);
    long duration = Fields.duration(root.required("duration"));
    if (duration <= 0 || duration > ScenarioLimits.MAX_DURATION_NANOS) {
      throw root.required("duration").fail("duration must be > 0 and at most "
          + ScenarioLimits.MAX_DURATION_TEXT + " (meshsim's limit)");
    }
    long warmup = Fields.duration(root, "warmup", 0);
    if (warmup >= duration) {
      throw root.required("warmup").fail("warmup (" + Durations.format(warmup)
          + ") must be shorter than duration (" + Durations.format(duration) + ")");
    }
    ManifestScenario manifests = new ManifestScenario(file, sources, root, warnings);
    YamlList serviceList = manifests.none() ? root.required("services").asList().requireSize(1, "service")
        : root.optional("services").map(YamlNode::asList).orElse(null);
    ServiceDirectory directory = serviceList == null ? new ServiceDirectory() : ServiceBinder.directory(serviceList, warnings);
    manifests.register(directory);
    List<ExternalHost> externals = ExternalBinder.bind(root);
    directory.addExternals(externals);
    IngressGatewaySpec ingress = IngressGatewayBinder.bind(root);
    if (ingress != null) {
      directory.add(new ServiceDirectory.Entry(IngressGatewaySpec.NAME, IngressGatewaySpec.NAMESPACE, ingress.ports()),
          root.required("ingressGateway"));
    }
    EgressGatewaySpec egress = IngressGatewayBinder.bindEgress(root);
    if (egress != null) {
      directory.add(new ServiceDirectory.Entry(EgressGatewaySpec.NAME, EgressGatewaySpec.NAMESPACE, egress.ports()),
          root.required("egressGateway"));
    }
    List<IstioDocument> istioDocuments = istioDocuments(root, manifests);
    SelectedEntries selected = SelectedEntries.of(istioDocuments.stream().map(IstioDocument::node).toList());
    selected.register(directory); // calls may target a workloadSelector ServiceEntry's host
    CallGraph graph = new CallGraph();
    RequestBinder requests = new RequestBinder(directory, graph);
    List<ServiceSpec> services = manifests.services(
        serviceList == null ? List.of() : ServiceBinder.bind(serviceList, directory, requests), requests);
    selected.addCallEdges(services, graph);
    graph.checkAcyclic();
    graph.checkFanOut();
    IstioVersion version = istioVersion(root.get("istio"));
    IstioBinder istioBinder = new IstioBinder(warnings, version);
    istioBinder.outboundPolicy(MeshConfigBinder.outboundPolicy(root.get("istio")));
    istioBinder.exportDefaults(MeshConfigBinder.exportDefaults(root.get("istio"), warnings));
    istioBinder.protocolDetection(MeshConfigBinder.protocolDetection(root.get("istio"), version, warnings));
    istioBinder.mtls(MeshConfigBinder.mtls(root.get("istio"), version));
    istioBinder.ingressGateway(ingress);
    istioBinder.egressGateway(egress);
    Map<String, ServiceExportChecks.Annotation> exportTo = manifests.serviceExportTo();
    Map<String, List<String>> exportValues = new java.util.LinkedHashMap<>();
    exportTo.forEach((fqdn, a) -> exportValues.put(fqdn, a.values()));
    istioBinder.serviceExportTo(exportValues);
    IstioConfig istio = istio(istioDocuments, directory, istioBinder);
    List<LoadSpec> loads = LoadBinder.bind(root.required("load").asList().requireSize(1, "load generator"), requests);
    istioBinder.warnInvisibleRules(services, loads);
    istioBinder.warnInvisibleVirtualServices(services, loads);
    istioBinder.warnSidecarScopes(services, loads);
    ServiceExportChecks.warn(exportTo, MeshConfigBinder.defaultServiceExportTo(root.get("istio")),
        istio.serviceExports(), istio.outboundPolicy(), services, loads, warnings);
    Timeline timeline = manifests.timeline(
        new TimelineBinder(file, sources, warnings, version, services, requests, duration, manifests.rollouts())
            .bind(root, istio));
    MeshSettings mesh = manifests.mesh(MeshBinder.bind(root.get("mesh")));
    istioBinder.warnPeerAuthentications(services, loads, mesh.sidecarEnabled());
    // Pods from manifests only: the mesh-wide count is reported at the key that brought them in.
    ScenarioLimits.checkPods(serviceList != null ? serviceList
        : root.get("kubernetesFiles") != null ? root.get("kubernetesFiles")
        : root.get("kubernetes") != null ? root.get("kubernetes") : root, services, mesh);
    return new Scenario(root.optional("name").map(YamlNode::asNonEmptyString).orElse(defaultName()),
        root.longInt("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE),
        duration, warmup, mesh, services, istio, loads, version, timeline, servers(externals, directory),
        ingress, egress, istioBinder.gatewayWorkloads());
  }

  /**
   * The servers outside the mesh: the {@code external} entries with a name, then those wildcard
   * entries made for the targets under them, in the order targets named them.
   */
  private static List<ExternalHost> servers(List<ExternalHost> declared, ServiceDirectory directory) {
    List<ExternalHost> out = new java.util.ArrayList<>();
    declared.stream().filter(h -> !h.host().startsWith("*.")).forEach(out::add);
    out.addAll(directory.externalsFromTemplates());
    return out;
  }

  /** {@code istio.version} when {@code istio} is a mapping; else the current release. */
  private static IstioVersion istioVersion(YamlNode istio) {
    if (!(istio instanceof YamlMap m)) {
      return IstioVersion.CURRENT;
    }
    m.allowOnly(ISTIO_KEYS);
    return m.optional("version").map(n -> n.parse("an Istio version", IstioVersion::parse))
        .orElse(IstioVersion.CURRENT);
  }

  /** {@code istio} is either the list of resources or {@code {version: "1.24", resources: [...]}}. */
  private static List<YamlNode> istioResources(YamlNode istio) {
    if (istio == null) {
      return List.of();
    }
    if (istio instanceof YamlMap m) {
      return m.list("resources");
    }
    if (!(istio instanceof YamlList list)) {
      throw istio.expected("a list of Istio resources, or a mapping with version and resources");
    }
    return list.items();
  }

  /** The file name without its extension. */
  private String defaultName() {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /** One Istio document and the apply it belongs to. */
  private record IstioDocument(YamlNode node, int batch) {}

  /**
   * Istio objects found among the Kubernetes manifests first, then inline resources, then each of
   * {@code istioFiles} in order: that is the creation order. Each file is one apply. Read before
   * the services are bound (see {@link SelectedEntries}); bound after them, by {@link #istio}.
   */
  private List<IstioDocument> istioDocuments(YamlMap root, ManifestScenario manifests) {
    List<IstioDocument> docs = new java.util.ArrayList<>();
    manifests.istioObjects().forEach(o -> docs.add(new IstioDocument(o.node(), o.batch())));
    int batch = manifests.nextBatch();
    for (YamlNode node : istioResources(root.get("istio"))) {
      docs.add(new IstioDocument(node, batch));
    }
    for (YamlNode entry : root.list("istioFiles")) {
      int fileBatch = ++batch;
      ManifestSources.read(file, sources, entry).forEach(doc -> docs.add(new IstioDocument(doc, fileBatch)));
    }
    return docs;
  }

  private static IstioConfig istio(List<IstioDocument> documents, ServiceDirectory directory, IstioBinder istio) {
    documents.forEach(d -> istio.add(d.node(), d.batch()));
    return istio.build(directory);
  }
}

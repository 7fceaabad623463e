package dev.meshsim.scenario;

import dev.meshsim.istio.DestinationRule;
import dev.meshsim.istio.Gateway;
import dev.meshsim.istio.OutboundTrafficPolicy;
import dev.meshsim.istio.ServiceEntry;
import dev.meshsim.istio.Sidecar;
import dev.meshsim.istio.IstioConfig;
import dev.meshsim.istio.MtlsSettings;
import dev.meshsim.istio.ObjectMeta;
import dev.meshsim.istio.PeerAuthentication;
import dev.meshsim.istio.Subset;
import dev.meshsim.istio.TrafficPolicy;
import dev.meshsim.istio.VirtualService;
import dev.meshsim.yaml.Suggestions;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import dev.meshsim.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Istio resources, inline ({@code istio:}) or from {@code istioFiles}, in the order read. Only
 * VirtualService, DestinationRule, ServiceEntry, Gateway, Sidecar, HTTPRoute and PeerAuthentication
 * are modelled; other kinds are skipped with a warning so that a real cluster's YAML can be used as is.
 */
final class IstioBinder {

  private static final Set<String> API_VERSIONS =
      Set.of("networking.istio.io/v1alpha3", "networking.istio.io/v1beta1", "networking.istio.io/v1");
  private static final List<String> MODELLED_KINDS = List.of("VirtualService", "DestinationRule", "ServiceEntry", "HTTPRoute", "Gateway",
      "Sidecar", "PeerAuthentication", "ReferenceGrant");
  private static final Set<String> SECURITY_API_VERSIONS = Set.of("security.istio.io/v1", "security.istio.io/v1beta1");
  private static final Set<String> GATEWAY_API_VERSIONS =
      Set.of("gateway.networking.k8s.io/v1", "gateway.networking.k8s.io/v1beta1");
  private static final List<String> DR_KEYS =
      List.of("host", "trafficPolicy", "subsets", "exportTo", "workloadSelector");

  private final Warnings warnings;
  private final TrafficPolicyBinder policies;
  private final List<VirtualService> virtualServices = new ArrayList<>();
  private final List<DestinationRule> destinationRules = new ArrayList<>();
  private final List<ServiceEntry> serviceEntries = new ArrayList<>();
  private final List<Gateway> gateways = new ArrayList<>();
  private final List<Sidecar> sidecars = new ArrayList<>();
  private final KubernetesGateways kubernetesGateways;
  private List<GatewayWorkload> gatewayWorkloads = List.of();
  /** Where each Sidecar's name is written, for the scope checks. */
  private final Map<Sidecar, YamlNode> sidecarNames = new java.util.IdentityHashMap<>();
  private OutboundTrafficPolicy outboundPolicy = OutboundTrafficPolicy.ALLOW_ANY;
  private final List<PeerAuthentication> peerAuthentications = new ArrayList<>();
  /** Each PeerAuthentication (namespace/name) with where it is written, for the selector checks. */
  private final Map<String, PeerAuthenticationChecks.PolicyRef> policyRefs = new LinkedHashMap<>();
  private MtlsSettings mtls = MtlsSettings.DEFAULT;
  private MeshConfigBinder.ExportDefaults exportDefaults = MeshConfigBinder.ExportDefaults.NONE;
  /** Where each root VirtualService's name is written, for the visibility checks. */
  private final Map<String, YamlNode> virtualServiceNames = new LinkedHashMap<>();
  private dev.meshsim.istio.ProtocolDetection protocolDetection = dev.meshsim.istio.ProtocolDetection.DEFAULT;
  private IngressGatewaySpec ingress;
  private EgressGatewaySpec egress;
  /** The destinations each VirtualService (namespace/name) routes to, for the load-time checks. */
  private final Map<String, List<VirtualServiceBinder.DestinationRef>> destinationRefs = new LinkedHashMap<>();
  /** The hosts each VirtualService claims, with where they are written. */
  private final Map<String, List<VirtualServiceChecks.HostRef>> hostRefs = new LinkedHashMap<>();
  private final Map<String, List<VirtualServiceChecks.DelegateRef>> delegateRefs = new LinkedHashMap<>();
  /** Each DestinationRule (namespace/name) with where it is written, for the visibility checks. */
  private final Map<String, RuleVisibilityChecks.RuleRef> ruleRefs = new LinkedHashMap<>();
  /** kind/namespace/name to where and in which apply it was defined: names are unique per apply. */
  private final AppliedObjects applied;
  private final IstioVersion version;
  private int order;

  IstioBinder(Warnings warnings, IstioVersion version) {
    this.warnings = warnings;
    this.version = version;
    this.applied = new AppliedObjects(warnings);
    this.kubernetesGateways = new KubernetesGateways(warnings);
    this.policies = new TrafficPolicyBinder(warnings, version);
  }

  /** Reads one resource (a document of an Istio file, or an item of {@code istio:}) of the first apply. */
  void add(YamlNode node) {
    add(node, 0);
  }

  /**
   * Reads one document of apply {@code batch} (0 inline, then one per file): a resource, or a
   * {@code kind: List} of them. An object applied again by a later batch replaces the earlier one.
   */
  void add(YamlNode node, int batch) {
    ManifestSources.objects(node).forEach(m -> addObject(m, batch));
  }

  private void addObject(YamlMap m, int batch) {
    String kind = m.string("kind");
    int index = order++; // every object read counts, modelled or not: it is the creation order
    if (!modelled(m.required("kind"), kind, m.get("apiVersion"))) {
      return;
    }
    m.allowOnly("apiVersion", "kind", "metadata", "spec", "status");
    YamlNode api = m.required("apiVersion");
    boolean gatewayApi = kind.equals("HTTPRoute") || kind.equals("ReferenceGrant")
        || (kind.equals("Gateway") && api.asString().startsWith("gateway.networking.k8s.io/"));
    if (kind.equals("PeerAuthentication")) {
      if (!SECURITY_API_VERSIONS.contains(api.asString())) {
        throw api.expected("security.istio.io/v1 or v1beta1");
      }
    } else if (gatewayApi ? !GATEWAY_API_VERSIONS.contains(api.asString()) : !API_VERSIONS.contains(api.asString())) {
      throw api.expected(gatewayApi ? "gateway.networking.k8s.io/v1 or v1beta1"
          : "networking.istio.io/v1, v1beta1 or v1alpha3");
    }
    ObjectMeta meta = meta(m.required("metadata").asMap(), gatewayApi ? kind + ".gateway.networking.k8s.io" : kind,
        batch, index);
    YamlMap spec = m.required("spec").asMap();
    String key = meta.namespace() + "/" + meta.name();
    boolean replaces = meta.order() != index; // a later apply of an object read before
    if (kind.equals("VirtualService")) {
      List<VirtualServiceBinder.DestinationRef> refs = new ArrayList<>();
      VirtualService vs = withDefaultExport(new VirtualServiceBinder(warnings, refs, version).bind(meta, spec));
      virtualServiceNames.put(key, m.required("metadata").asMap().required("name"));
      warnIfGatewayOnly(vs, spec);
      replaceOrAdd(virtualServices, vs, replaces, v -> v.meta());
      destinationRefs.put(key, refs);
      hostRefs.put(key, VirtualServiceChecks.hosts(vs, spec));
      delegateRefs.put(key, VirtualServiceChecks.delegates(vs, spec));
    } else if (kind.equals("HTTPRoute")) {
      HttpRouteBinder routeBinder = new HttpRouteBinder(warnings, kubernetesGateways);
      List<HttpRouteBinder.Translated> translated = routeBinder.bind(meta, spec);
      destinationRefs.put("HTTPRoute " + key, routeBinder.backendRefs());
      for (HttpRouteBinder.Translated t : translated) {
        VirtualService vs = t.virtualService();
        replaceOrAdd(virtualServices, vs, replaces, v -> v.meta());
        String name = "HTTPRoute " + key;
        hostRefs.put(vs.meta().namespace() + "/" + vs.meta().name(),
            List.of(new VirtualServiceChecks.HostRef(name, t.parentFqdn(), t.parentFqdn(), t.parentRef())));
      }
    } else if (kind.equals("ReferenceGrant")) {
      kubernetesGateways.addReferenceGrant(meta, spec);
    } else if (gatewayApi && kind.equals("Gateway")) {
      kubernetesGateways.addGateway(meta, spec, m.required("metadata").asMap().required("name"));
    } else if (kind.equals("Gateway")) {
      replaceOrAdd(gateways, new GatewayBinder(warnings, ingress, egress).bind(meta, spec), replaces, g -> g.meta());
    } else if (kind.equals("Sidecar")) {
      Sidecar sidecar = new SidecarBinder(warnings).bind(meta, spec);
      replaceOrAdd(sidecars, sidecar, replaces, c -> c.meta());
      sidecarNames.put(sidecar, m.required("metadata").asMap().required("name"));
    } else if (kind.equals("PeerAuthentication")) {
      PeerAuthentication pa = new PeerAuthenticationBinder(warnings, mtls.rootNamespace()).bind(meta, spec);
      replaceOrAdd(peerAuthentications, pa, replaces, p -> p.meta());
      policyRefs.put(key, new PeerAuthenticationChecks.PolicyRef(pa, spec));
    } else if (kind.equals("ServiceEntry")) {
      replaceOrAdd(serviceEntries, new ServiceEntryBinder(warnings).bind(meta, spec), replaces, e -> e.meta());
    } else {
      DestinationRule dr = destinationRule(meta, spec);
      replaceOrAdd(destinationRules, dr, replaces, d -> d.meta());
      ruleRefs.put(key, new RuleVisibilityChecks.RuleRef(dr, m.required("metadata").asMap().required("name")));
    }
  }

  /** Adds {@code item}, or puts it in place of the object of the same name, which keeps its creation order. */
  private static <T> void replaceOrAdd(List<T> list, T item, boolean replaces,
      java.util.function.Function<T, ObjectMeta> meta) {
    if (replaces) {
      ObjectMeta m = meta.apply(item);
      list.replaceAll(t -> meta.apply(t).namespace().equals(m.namespace()) && meta.apply(t).name().equals(m.name())
          ? item : t);
    } else {
      list.add(item);
    }
  }

  /**
   * Whether meshsim models {@code kind}; an unmodelled kind is warned about, and a misspelt
   * modelled kind (VirtualServce) is an error rather than silently ignored.
   */
  private boolean modelled(YamlNode kindNode, String kind, YamlNode apiVersion) {
    if (MODELLED_KINDS.contains(kind)) {
      return true;
    }
    if (apiVersion != null && KubernetesReader.isKubernetes(apiVersion.asString())) {
      warnings.add(kindNode, "kind " + kind + " is a Kubernetes object: put it under kubernetes, or its file in"
          + " kubernetesFiles, to simulate it; ignored here");
      return false;
    }
    String typo = Suggestions.closest(kind, MODELLED_KINDS);
    if (typo != null) {
      throw kindNode.fail("unknown kind " + YamlScalar.quote(kind) + "; did you mean " + YamlScalar.quote(typo) + "?");
    }
    warnings.add(kindNode, "kind " + kind + " is not modelled yet; ignored");
    return false;
  }

  /** Name and namespace; labels, annotations and the rest of metadata do not affect routing. */
  private ObjectMeta meta(YamlMap m, String kind, int batch, int index) {
    String name = KubeNames.objectName(m.required("name"));
    String namespace = m.optional("namespace").map(KubeNames::namespace).orElse("default");
    int order = applied.apply(kind, namespace, name, m.required("name"), batch, index);
    return new ObjectMeta(name, namespace, order);
  }

  private DestinationRule destinationRule(ObjectMeta meta, YamlMap spec) {
    spec.allowOnly(DR_KEYS);
    warnings.notModelled(spec, "workloadSelector");
    String host = spec.string("host");
    TrafficPolicy policy = policies.bind(spec.get("trafficPolicy"));
    List<Subset> subsets = new ArrayList<>();
    Set<String> names = new TreeSet<>();
    for (YamlNode node : spec.list("subsets")) {
      YamlMap s = node.asMap().allowOnly("name", "labels", "trafficPolicy");
      String name = KubeNames.subset(s.required("name"));
      if (!names.add(name)) {
        throw s.required("name").fail("subset " + name + " is defined twice in this DestinationRule");
      }
      subsets.add(new Subset(name, s.stringMap("labels"), policies.bind(s.get("trafficPolicy"))));
    }
    List<String> exportTo = ExportTo.bind(spec);
    return new DestinationRule(meta, host, policy, subsets,
        exportTo.isEmpty() ? exportDefaults.destinationRules() : exportTo);
  }

  /** A VirtualService without exportTo gets the mesh's {@code defaultVirtualServiceExportTo}. */
  private VirtualService withDefaultExport(VirtualService vs) {
    if (!vs.exportTo().isEmpty() || exportDefaults.virtualServices().isEmpty()) {
      return vs;
    }
    return new VirtualService(vs.meta(), vs.hosts(), vs.gateways(), vs.http(), exportDefaults.virtualServices());
  }

  /**
   * The resources read so far, without the cross-resource checks: a timeline apply complements the
   * config in force when it happens, which only the run knows.
   */
  IstioConfig resources() {
    return new IstioConfig(virtualServices, destinationRules, serviceEntries, outboundPolicy, gateways, sidecars,
        protocolDetection, mtlsSettings());
  }

  private MtlsSettings mtlsSettings() {
    return new MtlsSettings(peerAuthentications, mtls.autoMtls(), mtls.rootNamespace());
  }

  /** How many ReferenceGrants were read (a timeline apply does not change them). */
  int referenceGrants() {
    return kubernetesGateways.referenceGrants();
  }

  /** Whether a PeerAuthentication was read (a timeline apply cannot carry one yet). */
  List<PeerAuthentication> peerAuthentications() {
    return List.copyOf(peerAuthentications);
  }

  /**
   * Warns about PeerAuthentication selectors that select no pod and port-level modes for ports
   * the selected pods do not serve, and DestinationRules whose {@code tls} a STRICT or DISABLE
   * server will refuse.
   */
  void warnPeerAuthentications(List<ServiceSpec> services, List<LoadSpec> loads, boolean sidecars) {
    PeerAuthenticationChecks.warn(List.copyOf(policyRefs.values()), services, loads, warnings);
    MtlsConflictChecks.warn(List.copyOf(ruleRefs.values()), services, loads, mtlsSettings(), sidecars, warnings);
  }

  /** The gateway Deployments Istio creates for the Gateway API Gateways read ({@link #build} first). */
  List<GatewayWorkload> gatewayWorkloads() {
    return gatewayWorkloads;
  }

  /** Warns about root VirtualServices that a namespace calling their hosts does not see ({@code exportTo}). */
  void warnInvisibleVirtualServices(List<ServiceSpec> services, List<LoadSpec> loads) {
    List<VirtualServiceVisibilityChecks.Ref> refs = new ArrayList<>();
    for (VirtualService vs : virtualServices) {
      YamlNode name = virtualServiceNames.get(vs.meta().namespace() + "/" + vs.meta().name());
      if (name != null && !vs.isDelegate()) {
        refs.add(new VirtualServiceVisibilityChecks.Ref(vs, name));
      }
    }
    VirtualServiceVisibilityChecks.warn(refs, services, loads, warnings);
  }

  /** Warns about calls that leave their caller's Sidecar scope, and about competing namespace defaults. */
  void warnSidecarScopes(List<ServiceSpec> services, List<LoadSpec> loads) {
    new SidecarChecks(sidecars, sidecarNames, serviceEntries, virtualServices, outboundPolicy, warnings)
        .warn(services, loads);
  }

  /** Warns about DestinationRules the namespaces calling their hosts do not see. */
  void warnInvisibleRules(List<ServiceSpec> services, List<LoadSpec> loads) {
    RuleVisibilityChecks.warn(List.copyOf(ruleRefs.values()), services, loads, warnings);
  }

  /** The resources read so far, after the cross-resource checks (which only warn). */
  IstioConfig build(ServiceDirectory services) {
    KubernetesGateways.Result translated = kubernetesGateways.build(services);
    gateways.addAll(translated.gateways());
    virtualServices.addAll(translated.virtualServices());
    virtualServices.sort(java.util.Comparator.comparingInt(vs -> vs.meta().order())); // creation order
    gatewayWorkloads = translated.workloads();
    serviceEntries.forEach(e -> services.addServiceEntryHosts(e.hosts()));
    serviceEntries.stream().filter(e -> !e.workloadSelector().isEmpty()).forEach(e -> services.addWorkloadEntryHosts(
        e.hosts(), e.ports().stream().map(ServiceEntry.Port::number).toList()));
    IstioChecks.warnUnresolved(destinationRefs.values().stream().flatMap(List::stream).toList(),
        destinationRules, services, warnings);
    VirtualServiceChecks.warn(hostRefs.values().stream().flatMap(List::stream).toList(), services, warnings);
    VirtualServiceChecks.warnDelegates(delegateRefs.values().stream().flatMap(List::stream).toList(),
        virtualServices, warnings);
    return new IstioConfig(virtualServices, destinationRules, serviceEntries, outboundPolicy, gateways, sidecars,
        protocolDetection, mtlsSettings());
  }

  /**
   * A VirtualService whose {@code gateways} leave out {@code mesh} does not apply to sidecars (istio
   * {@code pilot/pkg/networking/core/httproute.go}; the seed's trouble 6: a gateway name added and
   * {@code mesh} forgotten). Said at load time, since mesh traffic silently takes the default routes.
   */
  private void warnIfGatewayOnly(VirtualService vs, YamlMap spec) {
    if (!vs.gateways().isEmpty() && !vs.gateways().contains("mesh")) {
      warnings.add(spec.required("gateways"), "VirtualService " + vs.meta().namespace() + "/" + vs.meta().name()
          + " is bound only to gateways " + vs.gateways() + ": sidecars do not use it, so calls inside the mesh"
          + " to " + String.join(", ", vs.hosts()) + " take the default route (add mesh to gateways to keep its"
          + " routes for them)");
    }
  }

  /** The scenario's ingress gateway (null: none), whose Service ports Gateways are checked against. */
  void ingressGateway(IngressGatewaySpec spec) {
    this.ingress = spec;
  }

  /** {@code istio.meshConfig.enableAutoMtls} and {@code rootNamespace}; set before any resource is read. */
  void mtls(MtlsSettings settings) {
    this.mtls = settings;
  }

  /** The scenario's egress gateway (null: none), whose Service ports Gateways are checked against. */
  void egressGateway(EgressGatewaySpec spec) {
    this.egress = spec;
  }

  /** {@code meshConfig.default…ExportTo}: the exportTo of VirtualServices and DestinationRules without one. */
  void exportDefaults(MeshConfigBinder.ExportDefaults defaults) {
    this.exportDefaults = defaults;
  }

  /** {@code istio.meshConfig.outboundTrafficPolicy.mode}. */
  /** Protocol sniffing and its timeout ({@code meshConfig}, {@code pilot.env}). */
  void protocolDetection(dev.meshsim.istio.ProtocolDetection detection) {
    this.protocolDetection = detection;
  }

  void outboundPolicy(OutboundTrafficPolicy policy) {
    this.outboundPolicy = policy;
  }
}

/**
 * The edge where a user's files become a validated, immutable {@link dev.meshsim.scenario.Scenario}:
 * {@link dev.meshsim.scenario.ScenarioLoader} reads the scenario (and its {@code istioFiles},
 * {@code kubernetesFiles} and timeline applies, every one through {@link dev.meshsim.yaml.SourceFiles}),
 * and the binders turn each block into records, checking every value once, with the file, line,
 * column and field path of what is wrong. After loading, nothing is parsed or validated again.
 *
 * <ul>
 *   <li>The records: {@code Scenario}, {@code ServiceSpec}, {@code DeploymentSpec}, {@code PortSpec},
 *       {@code LoadSpec}, {@code Arrival}, {@code MeshSettings}, {@code Locality}, {@code
 *       IstioVersion}; and {@code LoadedScenario}, the result with its warnings, info lines and the
 *       files read. The app's requests and failure modes are records of {@code dev.meshsim.app}.
 *   <li>One binder per block: {@code ServiceBinder}, {@code LoadBinder}, {@code MeshBinder}, {@code
 *       TimelineBinder}, {@code LifecycleBinder}, {@code ControlPlaneBinder}, {@code
 *       DistributionBinder}; Istio's resources in {@code IstioBinder} with {@code
 *       VirtualServiceBinder}, {@code HttpPolicyBinder}, {@code MatchBinder}, {@code
 *       TrafficPolicyBinder}, {@code PoolBinder}, {@code ServiceEntryBinder} (and {@code SelectedEntries}, read ahead for calls), {@code GatewayBinder},
 *       {@code SidecarBinder} with {@code SidecarIngressBinder}, {@code ClientTlsBinder}, {@code PeerAuthenticationBinder}, {@code
 *       HttpRouteBinder} with {@code HttpRoutePolicies} and {@code
 *       KubernetesGateways} (the Gateway API as istiod translates it), and the cross-object checks
 *       ({@code IstioChecks}, {@code VirtualServiceChecks}, {@code RuleVisibilityChecks}, {@code
 *       VirtualServiceVisibilityChecks}, {@code ServiceExportChecks}, {@code SidecarChecks}, {@code
 *       PeerAuthenticationChecks}, {@code
 *       MtlsConflictChecks}, {@code TimelineChecks}); the gateway
 *       Deployments ({@code IngressGatewaySpec}, {@code EgressGatewaySpec}, {@code GatewayWorkload}).
 *   <li>Kubernetes manifests as {@code kubectl apply} takes them: {@code ManifestSources} (files,
 *       documents, {@code kind: List}), {@code KubernetesReader} and {@code WorkloadReader},
 *       {@code SidecarInjection} and {@code IstioProtocol} (Istio's rules), {@code KubernetesBinder}
 *       and the {@code workloads:} overlay ({@code WorkloadOverlay}), joined in {@code
 *       ManifestScenario}; {@code AppliedObjects} replaces an object applied again by a later file.
 *   <li>The bounds every scenario must keep ({@code ScenarioLimits}, listed in {@code
 *       docs/limits.md}), names as the API server checks them ({@code KubeNames}), RE2's rules for
 *       route regexes ({@code Re2}), and {@code ScenarioOverrides} for {@code meshsim plan --set}.
 * </ul>
 *
 * <p>May use {@code dev.meshsim.yaml} (positioned trees), {@code dev.meshsim.istio} (the Istio API
 * records it builds), {@code dev.meshsim.timeline} (the timeline records it builds), {@code
 * dev.meshsim.app} (the app's records it builds) and {@code dev.meshsim.engine.random}
 * (distributions). Nothing here knows the simulation: {@code dev.meshsim.mesh} reads these
 * records, never the other way round; nor does {@code timeline} name anything of this package.
 */
package dev.meshsim.scenario;

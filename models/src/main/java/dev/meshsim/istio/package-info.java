/**
 * The Istio API as records, field for field with {@code networking.istio.io/v1}: {@link
 * dev.meshsim.istio.VirtualService}, {@link dev.meshsim.istio.DestinationRule} and the types they
 * hold (routes, matches, retries, faults, traffic policies), {@link dev.meshsim.istio.ServiceEntry},
 * {@link dev.meshsim.istio.Gateway}, {@link dev.meshsim.istio.Sidecar}, {@code tls}, and {@code
 * security.istio.io}'s {@link dev.meshsim.istio.PeerAuthentication} with istiod's composition of
 * them for one workload, {@link dev.meshsim.istio.PeerAuthenticationPolicy}. Immutable, validated by the
 * scenario binders that build them; {@link dev.meshsim.istio.IstioConfig} is one set of them. Two
 * lookups follow istiod and are shared by the loader's checks and the xDS layer: {@link
 * dev.meshsim.istio.DestinationRuleLookup} and {@link dev.meshsim.istio.SidecarScope}.
 *
 * <p>Uses nothing else of the model. The xDS layer ({@code mesh.xds}) and the route model it builds
 * read them, and the data path reads a pod's composed PeerAuthentication (its inbound listener's
 * mode): the Envoy upstream layer gets its settings translated.
 */
package dev.meshsim.istio;

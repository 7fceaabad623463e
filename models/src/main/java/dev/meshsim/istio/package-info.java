/**
 * The Istio API as records, field for field with {@code networking.istio.io/v1}: {@link
 * dev.meshsim.istio.VirtualService}, {@link dev.meshsim.istio.DestinationRule} and the types they
 * hold (routes, matches, retries, faults, traffic policies). Immutable, validated by the scenario
 * binders that build them; {@link dev.meshsim.istio.IstioConfig} is one set of them.
 *
 * <p>Uses nothing else of the model. Only the xDS layer ({@code mesh.xds}) and the route model it
 * builds read them: the Envoy upstream layer gets its settings translated.
 */
package dev.meshsim.istio;

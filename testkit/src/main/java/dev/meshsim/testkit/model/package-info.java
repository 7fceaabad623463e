/**
 * The only place the test kit touches the simulator's internals ({@code dev.meshsim.mesh.*}): the
 * route configuration istiod generates for a proxy ({@code ConfigGenerator}, the same builder the
 * simulated sidecars get their routes from), Envoy's route matching over it ({@code VirtualHost},
 * {@code Route}, {@code RouteMatcher}) and a whole run ({@code MeshSimulation}). Everything else in
 * the kit speaks the kit's own records, so a change of the model's packages is fixed here alone.
 *
 * <p>May use: models ({@code dev.meshsim.mesh}, its {@code mesh.xds} translation of match blocks
 * included, {@code dev.meshsim.scenario}, {@code dev.meshsim.app}, {@code dev.meshsim.istio}), the
 * result records ({@code dev.meshsim.result}) and the kit's public records.
 */
package dev.meshsim.testkit.model;

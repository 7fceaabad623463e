/**
 * The only place the test kit touches the simulator's internals ({@code dev.meshsim.mesh.*}): the
 * route configuration istiod generates for a proxy ({@code ConfigGenerator}, the same builder the
 * simulated sidecars get their routes from), Envoy's route matching over it ({@code VirtualHost},
 * {@code Route}, {@code RouteMatcher}) and a whole run ({@code MeshSimulation}). Everything else in
 * the kit speaks the kit's own records, so a change of the model's packages is fixed here alone.
 * A client is a {@link dev.meshsim.testkit.model.ClientProxy} asked by namespace and labels;
 * answers are made by the caller's {@link dev.meshsim.testkit.model.Answers} (the kit passes its
 * public records' constructors), so nothing here names the kit.
 *
 * <p>May use: models ({@code dev.meshsim.mesh}, its {@code mesh.xds} translation of match blocks
 * included, {@code dev.meshsim.scenario}, {@code dev.meshsim.app}, {@code dev.meshsim.istio}) and
 * the result records ({@code dev.meshsim.result}); not the kit's packages, which use this one (no
 * package cycle: {@code PackageCyclesTest}).
 */
package dev.meshsim.testkit.model;

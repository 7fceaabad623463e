/**
 * Runs a scenario: {@link dev.meshsim.mesh.MeshSimulation} is the entry point ({@code new
 * MeshSimulation(scenario).run()} returns a {@link dev.meshsim.result.RunResult}); {@code Mesh}
 * wires one run's parts once, each with the collaborators it uses; {@code TimelineDriver} plays the
 * timeline. {@link dev.meshsim.mesh.MeshView} is the one read-only window a debugger (the {@code
 * inspect} module's snapshots) gets into a running mesh, through {@code MeshSimulation.inspectAt}.
 *
 * <p>May use every {@code dev.meshsim.mesh.*} package, the scenario, app, timeline and result records,
 * and the engine. Nothing in the model uses this package.
 */
package dev.meshsim.mesh;

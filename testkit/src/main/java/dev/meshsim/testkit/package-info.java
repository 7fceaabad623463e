/**
 * meshsim's test kit: a scenario's routing policies under test. {@link dev.meshsim.testkit.MeshPolicies}
 * answers where a request goes (statically, as the client's sidecar routes it) and runs the full
 * simulation; {@link dev.meshsim.testkit.PolicyArbitraries} gives jqwik arbitraries of requests,
 * client workloads, apply plans and pod failures drawn from the config. The public records a test
 * reads ({@code RouteDecision}, {@code RouteRule}, {@code WeightedDestination}, {@code Workload})
 * live here; the model adapter makes them through the constructors {@code MeshPolicies} hands it.
 *
 * <p>May use: models' scenario, app, istio and timeline records, the result records; the simulator's internals only
 * through {@link dev.meshsim.testkit.model.ModelAdapter}; jqwik's API.
 */
package dev.meshsim.testkit;

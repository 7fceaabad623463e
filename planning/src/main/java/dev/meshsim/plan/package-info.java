/**
 * Capacity planning over many simulations: {@code meshsim plan max-rate | min-replicas | sweep}.
 *
 * <p>What lives here: the SLO terms ({@link dev.meshsim.plan.SloTerm}, parsed by {@link
 * dev.meshsim.plan.SloParser}); what one replication measured ({@link dev.meshsim.plan.Sample});
 * Student-t intervals and sequential stopping ({@link dev.meshsim.plan.Estimate}, {@link
 * dev.meshsim.plan.StoppingRule}); the parameter a question varies ({@link
 * dev.meshsim.plan.Parameter}); the searches ({@link dev.meshsim.plan.Planner}); and where samples
 * come from ({@link dev.meshsim.plan.SampleSource}: simulated now on a thread pool, or read back
 * from shard files).
 *
 * <p>Determinism: a replication's seed depends only on (scenario seed, replication index), every
 * decision reads replications in index order, and a point's result uses the first n replications
 * whatever else was computed ahead; so the result is the same for any thread or shard count.
 *
 * <p>May use: the scenario records of {@code models}, the result records (the {@code results}
 * module), {@code MeshSimulation} as a black box, commons-math3, HdrHistogram, Jackson. Never the
 * mesh's internals, nor {@code plan.shard} (which builds on this package).
 */
package dev.meshsim.plan;

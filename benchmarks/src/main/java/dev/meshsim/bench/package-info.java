/**
 * JMH benchmarks of the engine: {@link dev.meshsim.bench.HoldBenchmark} (the hold model, engine
 * against {@link dev.meshsim.bench.BareHeap}) and {@link dev.meshsim.bench.HoldReport} (the same,
 * interleaved in rounds). Figures, machine and commands are in {@code benchmarks/README.md}.
 *
 * <p>Uses the engine only.
 */
package dev.meshsim.bench;

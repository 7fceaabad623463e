/**
 * Plans spread over the pods of a Kubernetes Indexed Job. Shard K of M simulates the (point,
 * replication) pairs whose index is K mod M, over every point a search could visit and every
 * replication a point could need ({@link dev.meshsim.plan.shard.ShardRunner}), and writes them to a
 * partial file ({@link dev.meshsim.plan.shard.PartialFile}: exact counters, and the histograms as
 * an HdrHistogram interval log, versioned by its {@code format}; the CLI adds meshsim's output mark,
 * as to every output, so nothing here marks a file). Merging reads the partial files back as a sample table
 * ({@link dev.meshsim.plan.shard.ShardTable}) and runs the very same search on it, so the merged
 * result is the unsharded result, byte for byte. {@link dev.meshsim.plan.shard.IndexedJob} writes
 * the Job manifest.
 *
 * <p>May use: {@code dev.meshsim.plan}, Jackson, HdrHistogram.
 */
package dev.meshsim.plan.shard;

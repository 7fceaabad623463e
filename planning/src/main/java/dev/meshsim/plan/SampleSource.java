package dev.meshsim.plan;

import java.util.List;

/**
 * Where the replications of a point come from: simulated now ({@link SimulatedSamples}) or read
 * back from the shard files of an Indexed Job ({@code shard.ShardTable}, which implements this;
 * named in words, not linked, as this package does not use that one). Either way replication r of
 * point k is the same sample, so the search on top gives the same result.
 */
public interface SampleSource {

  /** Replications {@code [0, count)} of point {@code key}, in index order. */
  List<Sample> samples(long key, int count);

  /**
   * A hint that replications {@code [0, count)} of every point of {@code keys} will be asked for,
   * so that a source with several threads can run them together.
   */
  default void prefetch(List<Long> keys, int count) {}
}

package dev.meshsim.plan.shard;

import dev.meshsim.plan.Parameter;
import dev.meshsim.plan.Sample;
import dev.meshsim.plan.SimulatedSamples;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one shard: every (point, replication) pair of {@code keys × [0, maxReps)} whose index ≡ K
 * mod M, the index being {@code position of the key · maxReps + replication}. Computing every
 * replication a point could need, rather than stopping early, is what lets the merge replay the
 * sequential stopping exactly.
 */
public final class ShardRunner {
  private ShardRunner() {}

  /** The shard's samples, in pair order. */
  public static List<PartialFile.Entry> run(Parameter parameter, String load, long seed, List<Long> keys,
      int maxReps, ShardSpec shard, int threads) {
    List<PartialFile.Entry> out = new ArrayList<>();
    try (SimulatedSamples sim = new SimulatedSamples(parameter, load, seed, maxReps, threads)) {
      List<long[]> mine = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        for (int r = 0; r < maxReps; r++) {
          if (shard.owns((long) i * maxReps + r)) {
            mine.add(new long[] {keys.get(i), r});
          }
        }
      }
      for (Sample s : sim.pairs(mine)) {
        long[] pair = mine.get(out.size());
        out.add(new PartialFile.Entry(pair[0], (int) pair[1], s));
      }
    }
    return out;
  }
}

package dev.meshsim.plan.shard;

import dev.meshsim.plan.PlanInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that partial files belong together (same meshsim version, scenario, seed and plan, every
 * shard 0..M−1 exactly once) and pools their samples. Files that do not belong together are
 * refused, never silently combined.
 */
public final class ShardMerge {
  private ShardMerge() {}

  /**
   * The samples of all parts, after the checks.
   *
   * @param names how messages call each part (its file name)
   */
  public static ShardTable merge(List<PartialFile> parts, List<String> names) {
    if (parts.isEmpty()) {
      throw new PlanInputException("merge: give the partial files of every shard.");
    }
    PartialFile.Header first = parts.get(0).header();
    boolean[] seen = new boolean[first.shards()];
    List<PartialFile.Entry> all = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      PartialFile.Header h = parts.get(i).header();
      String pair = names.get(i) + " and " + names.get(0);
      refuseIf(!h.version().equals(first.version()), pair + " were written by different meshsim versions ("
          + h.version() + ", " + first.version() + ")");
      refuseIf(!h.scenario().equals(first.scenario()) || !h.scenarioDigest().equals(first.scenarioDigest()),
          pair + " come from different scenarios (" + h.scenario() + ", " + first.scenario() + ", or the file changed)");
      refuseIf(h.seed() != first.seed(), pair + " use different seeds (" + h.seed() + ", " + first.seed() + ")");
      refuseIf(!h.arguments().equals(first.arguments()), pair + " come from different plans (" + String.join(" ",
          h.arguments()) + " vs " + String.join(" ", first.arguments()) + ")");
      refuseIf(h.shards() != first.shards(), pair + " split the plan into different shard counts ("
          + h.shards() + ", " + first.shards() + ")");
      refuseIf(h.shard() < 0 || h.shard() >= seen.length, names.get(i) + " claims to be shard " + h.shard()
          + " of " + h.shards());
      refuseIf(seen[h.shard()], names.get(i) + " is shard " + h.shard() + " again");
      seen[h.shard()] = true;
      all.addAll(parts.get(i).entries());
    }
    for (int k = 0; k < seen.length; k++) {
      refuseIf(!seen[k], "shard " + k + " of " + seen.length + " is missing");
    }
    return new ShardTable(all);
  }

  private static void refuseIf(boolean bad, String why) {
    if (bad) {
      throw new PlanInputException("merge: refusing to combine: " + why + ".");
    }
  }
}

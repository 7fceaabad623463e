package dev.meshsim.plan.shard;

import dev.meshsim.plan.PlanInputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --shard K/M}: this is shard K (0-based, as Kubernetes' {@code JOB_COMPLETION_INDEX}) of M.
 *
 * @param index K, in [0, M)
 * @param count M, at least 1
 */
public record ShardSpec(int index, int count) {
  private static final Pattern FORM = Pattern.compile("(\\d{1,6})/(\\d{1,6})");

  public static ShardSpec parse(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      throw new PlanInputException("--shard '" + text + "': expected K/M, shard K (from 0) of M, e.g. 0/4.");
    }
    int k = Integer.parseInt(m.group(1));
    int n = Integer.parseInt(m.group(2));
    if (n < 1 || k >= n || n > PartialFile.MAX_SHARDS) {
      throw new PlanInputException("--shard '" + text + "': K must be in 0.." + Math.max(0, n - 1)
          + " and M in 1.." + PartialFile.MAX_SHARDS + ".");
    }
    return new ShardSpec(k, n);
  }

  /** Whether the pair with this index is this shard's. */
  public boolean owns(long pairIndex) {
    return pairIndex % count == index;
  }
}

package dev.meshsim.plan.shard;

import dev.meshsim.plan.PlanInputException;
import dev.meshsim.plan.Sample;
import dev.meshsim.plan.SampleSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The samples of merged shard files, served to the search as if they were being simulated. */
public final class ShardTable implements SampleSource {
  private final Map<Long, Map<Integer, Sample>> samples = new TreeMap<>();

  public ShardTable(List<PartialFile.Entry> entries) {
    for (PartialFile.Entry e : entries) {
      Sample previous = samples.computeIfAbsent(e.key(), k -> new TreeMap<>()).put(e.rep(), e.sample());
      if (previous != null) {
        throw new PlanInputException("merge: point " + e.key() + " replication " + e.rep()
            + " is in two shard files; give each shard's file once.");
      }
    }
  }

  @Override
  public List<Sample> samples(long key, int count) {
    Map<Integer, Sample> point = samples.getOrDefault(key, Map.of());
    List<Sample> out = new ArrayList<>();
    for (int r = 0; r < count; r++) {
      Sample s = point.get(r);
      if (s == null) {
        throw new PlanInputException("merge: no shard file holds point " + key + " replication " + r
            + "; is a shard's file missing?");
      }
      out.add(s);
    }
    return out;
  }
}

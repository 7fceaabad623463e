package dev.meshsim.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.inspect.snapshot.Snapshot;
import dev.meshsim.inspect.SnapshotCapture;
import dev.meshsim.mesh.MeshSimulation;
import dev.meshsim.report.JsonReport;
import dev.meshsim.scenario.Scenario;
import dev.meshsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Inspection only reads: snapshots at any instants, any number of them, leave a run's results
 * byte-identical, and every snapshot's proxies hold, per type, a version no newer than istiod's.
 */
class SnapshotProperties {
  private static final long MS = 1_000_000L;

  @Property(tries = 6)
  void snapshotsNeverChangeTheRun(@ForAll @Size(min = 1, max = 4) List<@IntRange(min = 0, max = 12_000) Integer> atMs,
      @ForAll @IntRange(min = 1, max = 1000) int seed) throws Exception {
    Scenario scenario = ScenarioLoader.load(Path.of("scenarios/out-of-order-apply.yaml")).scenario()
        .withSeed(seed).withDuration(12_000 * MS);
    String plain = JsonReport.toJson(new MeshSimulation(scenario).run());

    MeshSimulation inspected = new MeshSimulation(scenario);
    List<Snapshot> taken = new ArrayList<>();
    Snapshot.Origin origin = new Snapshot.Origin("test", "test", scenario.name(), seed);
    for (int t : atMs) {
      inspected.inspectAt(t * MS, view -> taken.add(SnapshotCapture.capture(view, origin)));
    }
    assertEquals(plain, JsonReport.toJson(inspected.run()));
    assertEquals(atMs.size(), taken.size());
    for (Snapshot s : taken) {
      for (Snapshot.Proxy p : s.proxies()) {
        for (Snapshot.TypeSync sync : p.xds()) {
          assertTrue(sync.applied() <= sync.sent() && sync.sent() <= s.istiodVersion(),
              p.name() + " " + sync + " istiod " + s.istiodVersion());
        }
      }
    }
  }
}

package dev.meshsim.inspect;

import dev.meshsim.inspect.snapshot.InspectException;
import dev.meshsim.inspect.snapshot.Snapshot;
import dev.meshsim.mesh.MeshSimulation;
import dev.meshsim.scenario.Durations;
import dev.meshsim.scenario.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Takes a run's snapshots: one engine event per instant, each snapshot written to the directory
 * as it is taken (memory does not grow with their number), the index once the run is over.
 */
public final class SnapshotRecorder {
  /**
   * The most snapshots one run takes: each is a file of every proxy's config (kilobytes to
   * megabytes), so {@code every:1ns} would fill the disk; 1000 is one a second for a quarter hour.
   */
  public static final int MAX_SNAPSHOTS = 1000;
  private final SnapshotStore store;
  private final Snapshot.Origin origin;
  private final List<SnapshotStore.Entry> entries = new ArrayList<>();

  private SnapshotRecorder(SnapshotStore store, Snapshot.Origin origin) {
    this.store = store;
    this.origin = origin;
  }

  /**
   * Parses {@code T[,T…]} (durations) or {@code every:D} into instants within {@code [0, duration]},
   * sorted and distinct.
   *
   * @throws InspectException for a malformed list or an instant outside the run
   */
  public static List<Long> instants(String spec, long durationNanos) {
    TreeSet<Long> out = new TreeSet<>();
    String s = spec.strip();
    if (s.startsWith("every:")) {
      long step = parse(s.substring("every:".length()).strip(), spec);
      if (step <= 0) {
        throw new InspectException("--inspect-at " + spec + ": the step must be longer than 0");
      }
      long count = durationNanos / step;
      if (count > MAX_SNAPSHOTS) {
        throw new InspectException("--inspect-at " + spec + ": the run of " + Durations.format(durationNanos)
            + " would take " + count + " snapshots, over meshsim's limit of " + MAX_SNAPSHOTS + "; a step of "
            + Durations.format((durationNanos + MAX_SNAPSHOTS - 1) / MAX_SNAPSHOTS) + " or more fits");
      }
      for (long t = step; t <= durationNanos; t += step) {
        out.add(t);
      }
      return List.copyOf(out);
    }
    for (String part : s.split(",")) {
      long t = parse(part.strip(), spec);
      if (t > durationNanos) {
        throw new InspectException("--inspect-at " + spec + ": " + part.strip() + " is outside the run (0 to "
            + Durations.format(durationNanos) + ")");
      }
      out.add(t);
    }
    if (out.size() > MAX_SNAPSHOTS) {
      throw new InspectException("--inspect-at: " + out.size() + " instants, over meshsim's limit of "
          + MAX_SNAPSHOTS + " snapshots");
    }
    return List.copyOf(out);
  }

  private static long parse(String text, String spec) {
    try {
      return Durations.parseNanos(text);
    } catch (IllegalArgumentException e) {
      throw new InspectException("--inspect-at " + spec + ": " + e.getMessage(), e);
    }
  }

  /** Schedules a snapshot at each instant of {@code simulation}, written into {@code dir}. */
  public static SnapshotRecorder attach(MeshSimulation simulation, Scenario scenario, List<Long> instants, Path dir) {
    SnapshotStore store = SnapshotStore.forWriting(dir);
    Snapshot.Origin origin = new Snapshot.Origin(SnapshotStore.FORMAT, SnapshotStore.MESHSIM_VERSION,
        scenario.name(), scenario.seed());
    SnapshotRecorder recorder = new SnapshotRecorder(store, origin);
    for (long t : instants) {
      simulation.inspectAt(t, view -> recorder.take(SnapshotCapture.capture(view, origin)));
    }
    return recorder;
  }

  private void take(Snapshot snapshot) {
    entries.add(store.write(entries.size() + 1, snapshot));
  }

  /** Writes the index; call once the run is over. */
  public void finish() {
    store.writeIndex(origin, entries);
  }
}

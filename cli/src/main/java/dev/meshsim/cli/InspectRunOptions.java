package dev.meshsim.cli;

import dev.meshsim.inspect.snapshot.InspectException;
import dev.meshsim.inspect.SnapshotRecorder;
import dev.meshsim.mesh.MeshSimulation;
import dev.meshsim.scenario.Scenario;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code run}'s snapshot options: {@code --inspect-at T[,T…]|every:D --inspect-dir DIR}. */
final class InspectRunOptions {
  @Option(names = "--inspect-at", paramLabel = "T[,T...]|every:D",
      description = "Take a snapshot of every proxy at these simulated instants (see `meshsim inspect`).")
  String at;

  @Option(names = "--inspect-dir", paramLabel = "DIR", description = "Where --inspect-at writes its snapshots.")
  Path dir;

  /** Schedules the snapshots; the returned action writes the index once the run is over. */
  Runnable attach(MeshSimulation simulation, Scenario scenario) {
    if (at == null && dir == null) {
      return () -> {};
    }
    if (at == null || dir == null) {
      throw new BadInputException("--inspect-at and --inspect-dir go together (e.g. --inspect-at 10.4s"
          + " --inspect-dir snap/)", null);
    }
    try {
      SnapshotRecorder recorder = SnapshotRecorder.attach(simulation, scenario,
          SnapshotRecorder.instants(at, scenario.durationNanos()), dir);
      return recorder::finish;
    } catch (InspectException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }
}

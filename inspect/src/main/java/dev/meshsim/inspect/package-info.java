/**
 * Debugging a simulated mesh the way one debugs a live one: a {@link
 * dev.meshsim.inspect.snapshot.Snapshot} (what each proxy held at one simulated instant: xDS
 * versions, config, live hosts, stats) is taken by {@link dev.meshsim.inspect.SnapshotCapture}
 * through the model's read-only {@code dev.meshsim.mesh.MeshView}, kept on disk by {@link
 * dev.meshsim.inspect.SnapshotStore}, and shown as {@code istioctl proxy-status} / {@code
 * proxy-config} tables and Envoy admin text; {@link dev.meshsim.inspect.Inspection} answers one
 * question of a snapshot. Envoy's own types (config dumps, {@code -o json}, {@code compare}) live in
 * {@code inspect.envoy}; the snapshot records both read live in {@code inspect.snapshot}.
 *
 * <p>May use the model's view and its records (Envoy's route records among them: a route's match
 * is shown from the path matcher istiod translated), {@code inspect.snapshot}, {@code
 * inspect.envoy}, and Jackson for the snapshot files. Nothing in the model uses this package; the
 * capture never changes the mesh. {@code inspect.envoy} and {@code inspect.snapshot} never use it
 * (no package cycle: {@code PackageCyclesTest}).
 */
package dev.meshsim.inspect;

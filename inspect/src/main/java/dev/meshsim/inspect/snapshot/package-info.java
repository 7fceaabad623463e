/**
 * What an inspection reads, and nothing else: {@link dev.meshsim.inspect.snapshot.Snapshot} (every
 * proxy at one simulated instant: xDS versions, clusters and hosts, routes, listeners, stats, as
 * immutable records, the content of one snapshot file) and {@link
 * dev.meshsim.inspect.snapshot.InspectException} (bad input to a snapshot or an inspection, exit 2).
 * Both the istioctl-style views of {@code dev.meshsim.inspect} and the Envoy types of {@code
 * dev.meshsim.inspect.envoy} are built from these records, so they live below both and the two
 * depend on them one way.
 *
 * <p>May use the JDK only.
 */
package dev.meshsim.inspect.snapshot;

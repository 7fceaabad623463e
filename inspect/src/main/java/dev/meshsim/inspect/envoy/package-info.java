/**
 * The edge where a snapshot becomes Envoy's own v3 types: {@link
 * dev.meshsim.inspect.envoy.ConfigDumps} maps one proxy to {@code envoy.admin.v3.ConfigDump}
 * (bootstrap summary, listeners, route configurations, clusters, endpoints) with the {@code
 * io.envoyproxy.controlplane:api} protobuf classes, printed and parsed by protobuf's {@code
 * JsonFormat}; {@link dev.meshsim.inspect.envoy.ConfigDumpCompare} compares that dump with one from
 * a real pod, read as a JSON tree. Only inspection uses protobufs; the simulation never does.
 *
 * <p>May use the snapshot records and {@code InspectException} ({@code inspect.snapshot}), the
 * Envoy API classes and Jackson; not {@code dev.meshsim.inspect} itself, which uses this package.
 */
package dev.meshsim.inspect.envoy;

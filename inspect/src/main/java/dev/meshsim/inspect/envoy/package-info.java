/**
 * The edge where a snapshot becomes Envoy's own v3 types: {@link
 * dev.meshsim.inspect.envoy.ConfigDumps} maps one proxy to {@code envoy.admin.v3.ConfigDump}
 * (bootstrap summary, listeners, route configurations, clusters, endpoints) with the {@code
 * io.envoyproxy.controlplane:api} protobuf classes, printed and parsed by protobuf's {@code
 * JsonFormat}. Only inspection uses protobufs; the simulation never does.
 *
 * <p>May use the snapshot records and the Envoy API classes.
 */
package dev.meshsim.inspect.envoy;

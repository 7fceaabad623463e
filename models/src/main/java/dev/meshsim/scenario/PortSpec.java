package dev.meshsim.scenario;

/**
 * A Service port.
 *
 * @param name the port name; Istio derives the protocol from its prefix (http, http2, grpc, tcp…)
 * @param port the port number
 */
public record PortSpec(String name, int port) {}

package dev.meshsim.istio;

/**
 * A route's {@code destination}.
 *
 * @param host as written; short names resolve in the VirtualService's namespace
 * @param subset a DestinationRule subset name, or null
 * @param port {@code port.number}, or null
 */
public record Destination(String host, String subset, Integer port) {}

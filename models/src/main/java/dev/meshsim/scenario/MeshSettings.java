package dev.meshsim.scenario;

import dev.meshsim.engine.random.Distribution;

/**
 * Per-hop data-path costs, the {@code mesh:} block. Each cost is a distribution in nanoseconds
 * (a plain duration in YAML means a constant).
 *
 * @param iptablesHop one iptables REDIRECT traversal (app to 15001 outbound, or network to 15006
 *     inbound), paid once per direction per redirected leg
 * @param sidecarEnabled false removes every proxy: calls go straight to a pod, as kube-proxy does
 * @param sidecarProcessing the time one Envoy spends on one message (request or response)
 * @param networkLatency one-way pod-to-pod network latency
 */
public record MeshSettings(
    Distribution iptablesHop,
    boolean sidecarEnabled,
    Distribution sidecarProcessing,
    Distribution networkLatency) {}

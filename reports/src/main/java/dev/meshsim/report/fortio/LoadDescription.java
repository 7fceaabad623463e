package dev.meshsim.report.fortio;

/**
 * What a load generator was asked to do, in fortio's terms (the command builds it from the
 * scenario, so reports need not read scenarios).
 *
 * @param name the load's name
 * @param url {@code http://authority/path}, as fortio would have been given it
 * @param requestedQps the target rate in requests per second, or 0 for as fast as possible ({@code
 *     -qps 0}, fortio's {@code "max"})
 * @param connections fortio's {@code -c} for a closed loop; 0 for an open loop, which has none
 * @param exactly the number of calls asked for ({@code -n}), or 0 for a duration
 * @param durationNanos the run's duration ({@code -t})
 */
public record LoadDescription(String name, String url, double requestedQps, int connections, long exactly,
    long durationNanos) {}

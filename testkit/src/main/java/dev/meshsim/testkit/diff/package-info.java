/**
 * {@code meshsim diff OLD NEW}: two versions of a config over the same scenario. Which request
 * classes change destination (differential reachability: one representative request per match
 * block of either config, plus the scenario's own requests, from each client), and the simulated
 * before/after of every load, replicated over seeds, with significant differences marked.
 *
 * <p>May use: the kit's public API, models' {@code istio}, {@code scenario} and {@code app}
 * records, and the result records.
 */
package dev.meshsim.testkit.diff;

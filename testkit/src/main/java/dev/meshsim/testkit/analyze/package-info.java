/**
 * {@code meshsim analyze}: static findings about a scenario's Istio config, in {@code istioctl
 * analyze}'s message format and with Istio's codes where Istio has one (messages.yaml of
 * istio/istio), Kiali's KIA0203, and meshsim's own {@code MSH} codes; each finding carries the
 * impact meshsim predicts from a short simulation of the scenario's load.
 *
 * <p>May use: the kit's public API, models' {@code istio}, {@code scenario}, {@code timeline} and
 * {@code result} records, Jackson for JSON and YAML output.
 */
package dev.meshsim.testkit.analyze;

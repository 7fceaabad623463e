/**
 * What a run produces, as plain records and histograms: {@link dev.meshsim.result.RunResult} with
 * its traffic, cluster, trace and timeline sections. The reports read only these.
 *
 * <p>Uses nothing of the model.
 */
package dev.meshsim.result;

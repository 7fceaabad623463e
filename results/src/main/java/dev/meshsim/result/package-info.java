/**
 * What a run produces, as plain records and histograms: {@link dev.meshsim.result.RunResult} with
 * its traffic, cluster, trace and timeline sections, and {@link dev.meshsim.result.RequestListener}
 * for the outputs that follow each finished request as it ends. The reports, the planner and the CLI
 * read only these.
 *
 * <p>Lives in the {@code results} module, below the model, so that the reports need nothing of the
 * model: may use HdrHistogram, the JDK and {@code dev.meshsim.text}; never the model's packages
 * (the build would not find them).
 */
package dev.meshsim.result;

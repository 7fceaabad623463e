/**
 * The app's side of a scenario, as immutable records: {@link dev.meshsim.app.HttpRequestSpec}, a
 * request as an app or a load generator sends it (its startup calls, call graph and loads), and
 * {@link dev.meshsim.app.FailureMode}, how an app misbehaves (a Deployment's {@code failure} block
 * and the timeline's {@code failure} action). {@code dev.meshsim.mesh.app} runs them.
 *
 * <p>A leaf: uses the JDK only. Both the scenario records and the timeline records name these, so
 * they live below both; that is what keeps {@code scenario} → {@code timeline} one way.
 */
package dev.meshsim.app;

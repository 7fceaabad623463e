/**
 * Reports of a run's {@link dev.meshsim.result.RunResult}: {@link dev.meshsim.report.TextSummary}
 * prints a fortio-style summary for people, {@link dev.meshsim.report.JsonReport} writes JSON for
 * machines. Both read the same figures, {@link dev.meshsim.report.TrafficSummary} and {@link
 * dev.meshsim.report.LatencyMillis}, for the total and for each load generator; with many loads or
 * clusters, {@link dev.meshsim.report.Ranking} picks the ones printed in full. All output is
 * deterministic: exact decimals ({@link dev.meshsim.report.Decimals}, never {@code
 * Double.toString}), fixed key and line order, {@code \n} line ends, independent of locale and JVM
 * version.
 *
 * <p>The other formats live in sub-packages, each reading result records or the stream of {@link
 * dev.meshsim.result.FinishedRequest}s only: {@code series} (time series per bucket), {@code chart}
 * (JFreeChart to SVG, a public chart API), {@code html} (the self-contained page), {@code csv},
 * {@code hgrm}, {@code fortio}, {@code prometheus} and {@code accesslog}.
 *
 * <p>May use {@code dev.meshsim.result}, {@code dev.meshsim.text} (both in the {@code results}
 * module, the only meshsim module this one depends on), Jackson and HdrHistogram; never the
 * model, which {@code ReportsReadResultsOnlyTest} checks.
 */
package dev.meshsim.report;

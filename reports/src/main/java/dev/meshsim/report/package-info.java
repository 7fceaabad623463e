/**
 * Reports of a run's {@link dev.meshsim.result.RunResult}: {@link dev.meshsim.report.TextSummary}
 * prints a fortio-style summary for people, {@link dev.meshsim.report.JsonReport} writes JSON for
 * machines. Both read the same figures, {@link dev.meshsim.report.TrafficSummary} and {@link
 * dev.meshsim.report.LatencyMillis}, for the total and for each load generator. All output is
 * deterministic: exact decimals (never {@code Double.toString}), fixed key and line order, {@code
 * \n} line ends, independent of locale and JVM version.
 */
package dev.meshsim.report;

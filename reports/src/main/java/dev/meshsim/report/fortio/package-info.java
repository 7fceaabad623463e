/**
 * One file per load generator in fortio's result JSON ({@code fortio load -json}, what fortio's UI
 * and {@code fortio report} browse), so a simulated run opens in the tool users already have. Field
 * names follow fortio's {@code periodic.RunnerResults}, {@code fhttp.HTTPRunnerResults} and {@code
 * stats.HistogramData} (durations in seconds, {@code ActualDuration} in nanoseconds, {@code
 * RequestedQPS} a string, {@code "max"} for as fast as possible). Errors are what fortio counts as
 * errors: responses other than 2xx and 418. May use {@code dev.meshsim.result}, HdrHistogram and
 * Jackson's streaming generator.
 */
package dev.meshsim.report.fortio;

/**
 * CSV files for pandas and spreadsheets, readable without options: a header row, comma-separated,
 * RFC 4180 quoting, one observation per row (long format), plain decimals. {@code timeseries.csv}
 * (bucket x load x code x flag), {@code latency.csv} (bucket x series with P50/P90/P99/max),
 * {@code clusters.csv} (cluster x Envoy stat) and {@code convergence.csv} (one row per change).
 * May use {@code dev.meshsim.result} and the series.
 */
package dev.meshsim.report.csv;

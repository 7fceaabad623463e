/**
 * Time series built from the stream of finished requests ({@link dev.meshsim.result.RequestListener}):
 * per load generator, per destination service and for the total, one {@link
 * dev.meshsim.report.series.SeriesPoint} per bucket of simulated time with the request count, the
 * non-5xx count, P50/P90/P99/max from that bucket's own HdrHistogram interval histogram, and the
 * counts by response code and Envoy response flag. Requests are bucketed by the time they ended, as
 * Istio's metrics are recorded when the response is done (and as an HdrHistogram {@code Recorder}
 * hands out interval histograms). Memory grows with the number of buckets and series, never with
 * the number of requests: one open interval histogram per series, closed buckets kept as numbers.
 * May use {@code dev.meshsim.result} and HdrHistogram only.
 */
package dev.meshsim.report.series;

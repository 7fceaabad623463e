/**
 * HdrHistogram's own file formats, written by HdrHistogram itself: a {@code .hgrm} percentile
 * distribution per load ({@code outputPercentileDistribution}, the {@code Value Percentile
 * TotalCount 1/(1-Percentile)} table HdrHistogram's plotter reads, in milliseconds) and a {@code
 * .hlog} interval log per load ({@code HistogramLogWriter}, one compressed histogram per time bucket,
 * for {@code HistogramLogProcessor} and HistogramLogAnalyzer). May use HdrHistogram and the series.
 */
package dev.meshsim.report.hgrm;

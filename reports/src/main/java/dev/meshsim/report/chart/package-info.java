/**
 * Charts as inline SVG, drawn with JFreeChart and exported with JFreeSVG so a page needs no script
 * and no network. {@link dev.meshsim.report.chart.XyChart} is the public entry: lines, stacked
 * areas, a shaded band, a threshold line, vertical markers and shaded intervals over a numeric x
 * axis (other commands, such as a knee curve, use it too); {@link
 * dev.meshsim.report.chart.LatencyHistogramChart} draws fortio's histogram with its cumulative-%
 * line and {@link dev.meshsim.report.chart.PercentileChart} HdrHistogram's percentile plot on a
 * 1/(1-p) axis. {@link dev.meshsim.report.chart.SvgExport} makes the SVG deterministic: ids from the
 * caller, never from the clock. May use JFreeChart, JFreeSVG and the JDK only.
 */
package dev.meshsim.report.chart;

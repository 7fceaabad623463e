/**
 * The knee curve of a plan as a self-contained HTML page: one JFreeChart chart (the SLO metric
 * against the parameter, its 95% interval band, the SLO line) drawn as SVG text by JFreeSVG and
 * inlined in the page. Deliberately small and apart from the plan logic so that it can be swapped
 * for the full HTML report later. Reads {@code PlanResult} only.
 */
package dev.meshsim.plan.chart;

/**
 * The self-contained HTML report: one page with inline CSS and inline SVG charts, no script and no
 * network, laid out like Istio's Service Dashboard (request volume, success rate, P50/P90/P99
 * duration, requests by code and flag) and fortio's result page (histogram with cumulative %),
 * plus the timeline (actions as markers, failure windows shaded, convergence, istiod pushes) and
 * Envoy's per-cluster stats. Every string from the scenario goes through {@link
 * dev.meshsim.report.html.Html#text} or {@link dev.meshsim.report.html.Html#attr} (OWASP output
 * encoding), so a name like {@code <script>} is shown, never run. Large meshes show the top
 * loads and services by traffic and by errors with charts; the rest are rows of a collapsed table.
 * May use {@code dev.meshsim.result}, the report package's figures, its series and charts.
 */
package dev.meshsim.report.html;

/**
 * What a run produces, as plain records and histograms: {@link dev.meshsim.result.RunResult} with
 * its traffic, cluster, trace and timeline sections, and the streams a run hands out as requests
 * end: {@link dev.meshsim.result.FinishedRequest} (load generators' requests) and {@link
 * dev.meshsim.result.ProxyLogEntry} (every sidecar's access-log entries). The reports read only these.
 *
 * <p>Uses nothing of the model.
 */
package dev.meshsim.result;

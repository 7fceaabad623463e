package dev.meshsim.result;

/**
 * Something that happened to a pod during the run, as {@code kubectl get events} would list it.
 *
 * @param atNanos when
 * @param pod the pod's name
 * @param event e.g. {@code created}, {@code sidecar ready}, {@code app crashed (startup call 503)},
 *     {@code ready}, {@code terminating}, {@code killed}, {@code gone}
 */
public record PodEvent(long atNanos, String pod, String event) {}

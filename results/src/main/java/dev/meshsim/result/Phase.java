package dev.meshsim.result;

/**
 * The requests that started between two timeline actions.
 *
 * @param label what started the phase: {@code start}, or the action, e.g. {@code apply reviews-50.yaml}
 * @param fromNanos its start (the warmup for the first)
 * @param toNanos its end (the duration for the last)
 * @param traffic what those requests saw
 */
public record Phase(String label, long fromNanos, long toNanos, TrafficStats traffic) {}

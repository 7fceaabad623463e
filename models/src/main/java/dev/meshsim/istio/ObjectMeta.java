package dev.meshsim.istio;

/**
 * The identifying part of a Kubernetes object's metadata.
 *
 * @param name {@code metadata.name}
 * @param namespace {@code metadata.namespace}, or the scenario default {@code default}
 * @param order the position at which the object was read; Istio orders duplicate VirtualServices by
 *     creation time, and meshsim creates objects in the order it reads them
 */
public record ObjectMeta(String name, String namespace, int order) {}

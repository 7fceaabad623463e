/**
 * Kubernetes API objects as their watchers see them: {@link dev.meshsim.mesh.kube.PodView} (a
 * pod's identity, labels, IP, locality) and {@link dev.meshsim.mesh.kube.ServiceRegistry} (services
 * and their published ready endpoints, which istiod and kube-proxy read).
 *
 * <p>May use the scenario records only; every other mesh package may use it.
 */
package dev.meshsim.mesh.kube;

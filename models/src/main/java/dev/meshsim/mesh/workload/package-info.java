/**
 * The Kubernetes controllers and kubelet: {@code Workloads} and {@code Deployment} (ReplicaSet
 * and Deployment controllers, {@code RollingUpdate}), {@code Kubelet} and {@code PodStartup} (the
 * two containers' start race, CrashLoopBackOff, readiness, graceful termination), the {@code
 * EndpointsController}, {@code PodFactory} (pods and their IPs) and {@code SidecarInjector}
 * (injection and each Envoy's xDS stream).
 *
 * <p>May use the data path (pods, sidecars), the apps, {@code mesh.kube}, {@code mesh.xds}
 * (istiod), the scenario, app and timeline records and the engine. Only the run uses it.
 */
package dev.meshsim.mesh.workload;

package dev.meshsim.scenario;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether Istio's injector gives a pod a sidecar, in two steps as in a cluster with the default
 * profile (injection policy {@code enabled}, no revision tags beyond what the labels name):
 *
 * <ol>
 *   <li>Whether the API server calls the webhook at all: the four webhooks of istio's chart
 *       {@code manifests/charts/istio-control/istio-discovery/templates/mutatingwebhook.yaml}
 *       ({@code namespace.}, {@code object.}, {@code rev.namespace.}, {@code rev.object.sidecar-injector.istio.io})
 *       select on the namespace's {@code istio-injection} / {@code istio.io/rev} labels and on the
 *       pod's {@code sidecar.istio.io/inject} / {@code istio.io/rev} labels. Annotations are not
 *       seen here, which is why an annotation alone cannot enable injection.
 *   <li>istio {@code pkg/kube/inject/inject.go} {@code injectRequired}: no injection with
 *       {@code hostNetwork} or in kube-system / kube-public; the pod's {@code sidecar.istio.io/inject}
 *       label, else its (deprecated) annotation: {@code y, yes, true, on} inject, empty uses the
 *       policy ({@code enabled}: inject), anything else does not.
 * </ol>
 *
 * Any {@code istio.io/rev} value is taken as an installed revision.
 */
final class SidecarInjection {

  static final String INJECT = "sidecar.istio.io/inject";
  static final String NAMESPACE_INJECTION = "istio-injection";
  static final String REVISION = "istio.io/rev";
  private static final Set<String> IGNORED_NAMESPACES = Set.of("kube-system", "kube-public");
  private static final Set<String> TRUE_VALUES = Set.of("y", "yes", "true", "on");

  /** The decision and why, for messages. */
  record Decision(boolean injected, String reason) {}

  private SidecarInjection() {}

  static Decision decide(String namespace, Map<String, String> namespaceLabels, Map<String, String> podLabels,
      Map<String, String> podAnnotations, boolean hostNetwork) {
    String webhookMiss = webhookNotCalled(namespace, namespaceLabels, podLabels);
    if (webhookMiss != null) {
      return new Decision(false, webhookMiss);
    }
    if (hostNetwork) {
      return new Decision(false, "the pod uses hostNetwork, which Istio never injects");
    }
    if (IGNORED_NAMESPACES.contains(namespace)) {
      return new Decision(false, "Istio never injects pods in " + namespace);
    }
    String selector = podAnnotations.getOrDefault(INJECT, "");
    String source = "annotation";
    if (podLabels.containsKey(INJECT)) {
      selector = podLabels.get(INJECT); // the label is the newer API and wins over the annotation
      source = "label";
    }
    if (selector.isEmpty()) {
      return new Decision(true, "namespace " + namespace + " enables injection");
    }
    boolean inject = TRUE_VALUES.contains(selector.toLowerCase(Locale.ROOT));
    return new Decision(inject, "the pod's " + INJECT + " " + source + " is \"" + selector + "\"");
  }

  /** Why none of the four webhooks matches the pod, or null when one does. */
  private static String webhookNotCalled(String namespace, Map<String, String> ns, Map<String, String> pod) {
    boolean podOptsOut = "false".equals(pod.get(INJECT));
    if (ns.containsKey(NAMESPACE_INJECTION)) {
      String value = ns.get(NAMESPACE_INJECTION);
      if (!value.equals("enabled")) {
        return "namespace " + namespace + " has " + NAMESPACE_INJECTION + "=" + value;
      }
      return podOptsOut ? "the pod's " + INJECT + " label is \"false\"" : null;
    }
    if (ns.containsKey(REVISION)) {
      return podOptsOut ? "the pod's " + INJECT + " label is \"false\"" : null;
    }
    if ("true".equals(pod.get(INJECT)) || pod.containsKey(REVISION) && !podOptsOut) {
      return null;
    }
    return "namespace " + namespace + " has neither an " + NAMESPACE_INJECTION + " nor an " + REVISION
        + " label, and the pod no " + INJECT + "=true or " + REVISION + " label";
  }
}

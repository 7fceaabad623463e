package dev.meshsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.app.FailureMode;
import dev.meshsim.engine.random.Distribution;
import dev.meshsim.timeline.PodLifecycle;
import dev.meshsim.timeline.TimelineEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubernetes}, {@code kubernetesFiles} and {@code workloads}: manifests as kubectl applies them. */
class KubernetesManifestsTest {

  @TempDir Path tmp;

  /** A Service with a named targetPort, and a Deployment carrying everything kubectl get prints. */
  static final String REVIEWS = """
      apiVersion: v1
      kind: Service
      metadata: {name: reviews, labels: {app: reviews}}
      spec:
        type: ClusterIP
        clusterIP: 10.96.0.12
        ports:
        - {name: http, port: 9080, targetPort: web}
        - {name: grpc-api, port: 9090, targetPort: 9091, protocol: TCP}
        selector: {app: reviews}
      status: {loadBalancer: {}}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: reviews-v1
        namespace: default
        uid: 1b2c
        resourceVersion: "4711"
        managedFields: [{manager: kubectl, operation: Update, fieldsV1: {f:spec: {}}}]
        annotations: {deployment.kubernetes.io/revision: "1"}
      spec:
        replicas: 3
        revisionHistoryLimit: 10
        selector: {matchLabels: {app: reviews, version: v1}}
        template:
          metadata:
            labels: {app: reviews, version: v1}
          spec:
            serviceAccountName: bookinfo-reviews
            containers:
            - name: reviews
              image: docker.io/istio/examples-bookinfo-reviews-v1:1.20.3
              env: [{name: LOG_DIR, value: /tmp/logs}]
              resources: {requests: {cpu: 100m, memory: 128Mi}}
              ports: [{name: web, containerPort: 9080}, {containerPort: 9091}]
              livenessProbe: {httpGet: {path: /health, port: 9080}, periodSeconds: 5}
              volumeMounts: [{name: tmp, mountPath: /tmp}]
            volumes: [{name: tmp, emptyDir: {}}]
      status: {replicas: 3, readyReplicas: 3, conditions: [{type: Available, status: "True"}]}
      """;

  static final String LOAD = """
      load:
        - {name: users, target: reviews:9080, arrival: {poisson: 10/s}}
      """;

  private LoadedScenario scenario(String body) throws ScenarioException {
    return TestScenarios.load(tmp, "duration: 10s\n" + body + LOAD);
  }

  private String error(String body) {
    return TestScenarios.error(tmp, "duration: 10s\n" + body + LOAD).getMessage();
  }

  @Test
  void servicesAndWorkloadsComeFromTheManifestAndTheOverlay() throws Exception {
    TestScenarios.write(tmp, "reviews.yaml", REVIEWS);
    LoadedScenario l = scenario("""
        kubernetesFiles: [reviews.yaml]
        workloads:
          reviews-v1: {workers: 4, serviceTime: 5ms, errorRate: 0.1}
        """);
    assertEquals(List.of(), l.warnings(), "status, managedFields, resources… are ignored without a word");
    ServiceSpec s = l.scenario().services().get(0);
    assertEquals("reviews", s.name());
    assertEquals("default", s.namespace());
    assertEquals(List.of(new PortSpec("http", 9080), new PortSpec("grpc-api", 9090)), s.ports());
    DeploymentSpec d = s.deployments().get(0);
    assertEquals(new DeploymentSpec("reviews-v1", Map.of("app", "reviews", "version", "v1"), 3, 4,
        new Distribution.Constant(5_000_000), FailureMode.errorRate(0.1), List.of()), d);
    assertTrue(l.infos().get(0).contains("namespace default is defined by no manifest; taken as labelled"
        + " istio-injection=enabled"), l.infos().toString());
    assertTrue(l.scenario().mesh().sidecarEnabled());
  }

  @Test
  void multiDocumentYamlKindListAndJsonAreReadAsKubectlReadsThem() throws Exception {
    TestScenarios.write(tmp, "list.yaml", """
        apiVersion: v1
        kind: List
        items:
        - {apiVersion: v1, kind: Service, metadata: {name: ratings}, spec: {ports: [{port: 9080}],
           selector: {app: ratings}}}
        - apiVersion: v1
          kind: Namespace
          metadata: {name: default, labels: {istio-injection: enabled}}
        """);
    TestScenarios.write(tmp, "ratings.json", """
        {"apiVersion": "apps/v1", "kind": "Deployment",
         "metadata": {"name": "ratings-v1"},
         "spec": {"selector": {"matchLabels": {"app": "ratings"}},
                  "template": {"metadata": {"labels": {"app": "ratings", "version": "v1"}},
                               "spec": {"containers": [{"name": "ratings", "image": "r:1"}]}}}}
        """.replace("         ", "\t")); // kubectl reads JSON indented with tabs, which YAML forbids
    LoadedScenario l = TestScenarios.load(tmp, """
        duration: 10s
        kubernetesFiles: [list.yaml, ratings.json]
        workloads: {ratings-v1: {serviceTime: 1ms}}
        load: [{name: users, target: ratings, arrival: {poisson: 10/s}}]
        """);
    assertEquals(List.of(), l.warnings());
    assertEquals(List.of(), l.infos(), "the namespace is defined, so nothing is assumed");
    ServiceSpec s = l.scenario().services().get(0);
    assertEquals(List.of(new PortSpec("", 9080)), s.ports());
    assertEquals("ratings-v1", s.deployments().get(0).name());
    assertEquals(1, s.deployments().get(0).replicas());
  }

  @Test
  void appProtocolSelectsTheProtocolAsIstioDoes() throws Exception {
    LoadedScenario l = scenario("""
        kubernetes:
        - apiVersion: v1
          kind: Service
          metadata: {name: reviews}
          spec:
            selector: {app: reviews}
            ports:
            - {name: web, port: 9080, appProtocol: kubernetes.io/h2c}
            - {name: api, port: 9081, appProtocol: grpc}
            - {name: http-legacy, port: 9082, appProtocol: http}
            - {name: grpc-x, port: 9083, appProtocol: http}
            - {name: redis, port: 6379}
            - {name: dns, port: 53, protocol: UDP}
            - {name: plain, port: 9084}
            - {name: http-x, port: 9085, appProtocol: example.com/custom}
        - apiVersion: v1
          kind: Pod
          metadata: {name: reviews, labels: {app: reviews}}
          spec: {containers: [{name: app, image: x}]}
        workloads: {reviews: {serviceTime: 1ms}}
        """);
    assertEquals(List.of(new PortSpec("http2-web", 9080), new PortSpec("grpc-api", 9081),
        new PortSpec("http-legacy", 9082), new PortSpec("http-grpc-x", 9083), new PortSpec("redis", 6379),
        new PortSpec("plain", 9084), new PortSpec("http-x", 9085, IstioProtocol.AUTO)),
        l.scenario().services().get(0).ports());
    assertEquals(IstioProtocol.REDIS, l.scenario().services().get(0).ports().get(4).protocol(), "a TCP-class port");
    assertEquals(2, l.warnings().size(), l.warnings().toString());
    assertTrue(l.warnings().get(0).contains("kubernetes[0].spec.ports[5].port: port 53/UDP: Istio does not"
        + " proxy UDP; ignored"), l.warnings().get(0));
    // istio ConvertProtocol: a set appProtocol replaces the name; one it cannot parse is auto-detected.
    assertTrue(l.warnings().get(1).contains("kubernetes[0].spec.ports[7].appProtocol: appProtocol"
        + " \"example.com/custom\" is no protocol Istio knows"), l.warnings().get(1));
  }

  @Test
  void aPortProtocolKubernetesDoesNotKnowIsAnError() {
    String m = error("""
        kubernetes:
        - apiVersion: v1
          kind: Service
          metadata: {name: reviews}
          spec: {selector: {app: reviews}, ports: [{name: http, port: 9080, protocol: HTTP}]}
        """);
    assertTrue(m.contains("kubernetes[0].spec.ports[0].protocol: Unsupported value \"HTTP\": supported values:"), m);
  }

  @Test
  void aTargetPortNamingNoContainerPortIsAnError() {
    String m = error("""
        kubernetes:
        - apiVersion: v1
          kind: Service
          metadata: {name: reviews}
          spec: {selector: {app: reviews}, ports: [{name: http, port: 9080, targetPort: wbe}]}
        - apiVersion: apps/v1
          kind: Deployment
          metadata: {name: reviews-v1}
          spec:
            selector: {matchLabels: {app: reviews}}
            template:
              metadata: {labels: {app: reviews}}
              spec: {containers: [{name: r, image: x, ports: [{name: web, containerPort: 9080}]}]}
        workloads: {reviews-v1: {serviceTime: 1ms}}
        """);
    assertTrue(m.matches(".*s\\.yaml:6:81: kubernetes\\[0\\]\\.spec\\.ports\\[0\\]\\.targetPort: targetPort \"wbe\""
        + " names no container port of Deployment reviews-v1 \\(Kubernetes would give this port no endpoints\\);"
        + " did you mean \"web\"\\? Its named ports: web\\."), m);
  }

  @Test
  void theOverlayNamesWorkloadsTheManifestsDefine() {
    String deploy = """
        kubernetes:
        - {apiVersion: v1, kind: Service, metadata: {name: reviews}, spec: {selector: {app: reviews},
           ports: [{name: http, port: 9080}]}}
        - apiVersion: apps/v1
          kind: Deployment
          metadata: {name: reviews-v1}
          spec:
            selector: {matchLabels: {app: reviews}}
            template: {metadata: {labels: {app: reviews}}, spec: {containers: [{name: r, image: x}]}}
        """;
    String typo = error(deploy + "workloads: {reviews-v2: {serviceTime: 1ms}, reviews-v1: {serviceTime: 1ms}}\n");
    assertTrue(typo.contains(":11:13: workloads.reviews-v2: no manifest defines a workload \"reviews-v2\"; did you"
        + " mean \"reviews-v1\"? Workloads: reviews-v1."), typo);
    String missing = error(deploy);
    assertTrue(missing.contains(":7:20: kubernetes[1].metadata.name: Deployment reviews-v1 needs a service time: add"
        + " it under workloads:"), missing);
    String badKey = error(deploy + "workloads: {reviews-v1: {serviceTime: 1ms, replicas: 2}}\n");
    assertTrue(badKey.contains("workloads.reviews-v1.replicas: unknown key \"replicas\""), badKey);
  }

  @Test
  void aSelectorTheTemplateDoesNotMatchIsRejectedAsTheApiServerDoes() {
    String m = error("""
        kubernetes:
        - {apiVersion: v1, kind: Service, metadata: {name: reviews}, spec: {selector: {app: reviews},
           ports: [{name: http, port: 9080}]}}
        - apiVersion: apps/v1
          kind: Deployment
          metadata: {name: reviews-v1}
          spec:
            selector: {matchLabels: {app: reviews, version: v1}}
            template: {metadata: {labels: {app: reviews}}, spec: {containers: [{name: r, image: x}]}}
        workloads: {reviews-v1: {serviceTime: 1ms}}
        """);
    assertTrue(m.contains(":9:53: kubernetes[1].spec.selector.matchLabels.version: selector does not match"
        + " template labels"), m);
  }

  @Test
  void workloadsWithoutKubernetesIsAnError() {
    String m = TestScenarios.error(tmp, TestScenarios.MINIMAL + "workloads: {reviews-v1: {serviceTime: 1ms}}\n")
        .getMessage();
    assertTrue(m.contains("workloads: workloads: adds to the workloads of kubernetes or kubernetesFiles"), m);
  }

  @Test
  void aWorkloadNoServiceSelectsIsWarnedAboutAndCannotBeOverlaid() throws Exception {
    String body = """
        kubernetes:
        - {apiVersion: v1, kind: Service, metadata: {name: reviews}, spec: {selector: {app: reviews},
           ports: [{name: http, port: 9080}]}}
        - {apiVersion: v1, kind: Pod, metadata: {name: reviews, labels: {app: reviews}},
           spec: {containers: [{name: r, image: x}]}}
        - {apiVersion: v1, kind: Pod, metadata: {name: sleep, labels: {app: sleep}},
           spec: {containers: [{name: s, image: x}]}}
        - {apiVersion: v1, kind: ConfigMap, metadata: {name: settings}, data: {a: b}}
        """;
    LoadedScenario l = scenario(body + "workloads: {reviews: {serviceTime: 1ms}}\n");
    assertEquals(2, l.warnings().size(), l.warnings().toString());
    assertTrue(l.warnings().get(0).contains("kubernetes[3].kind: kind ConfigMap is not modelled; ignored"));
    assertTrue(l.warnings().get(1).contains("kubernetes[2].metadata.name: Pod sleep is selected by no Service"));
    String m = error(body + "workloads: {reviews: {serviceTime: 1ms}, sleep: {serviceTime: 1ms}}\n");
    assertTrue(m.contains("workloads.sleep: Pod sleep is selected by no Service, so it does not run"), m);
  }

  @Test
  void proxyConfigAndReadinessBecomeTheWorkloadsLifecycle() throws Exception {
    LoadedScenario l = scenario(podWith(
        "{proxy.istio.io/config: \"holdApplicationUntilProxyStarts: true\\nterminationDrainDuration: 30s"
            + "\\nproxyStatsMatcher: {inclusionPrefixes: [cluster.outbound]}\"}",
        "readinessProbe: {httpGet: {path: /, port: 9080}, initialDelaySeconds: 7, periodSeconds: 3}")
        + "workloads: {reviews-v1: {serviceTime: 1ms}}\n");
    assertEquals(List.of(), l.warnings(), "proxyStatsMatcher changes no traffic and is accepted quietly");
    PodLifecycle lc = l.scenario().timeline().lifecycleOf("default", "reviews-v1");
    assertTrue(lc.holdApplicationUntilProxyStarts());
    assertEquals(30_000_000_000L, lc.terminationDrainNanos());
    assertEquals(new Distribution.Constant(7_000_000_000L), lc.readinessDelay());
    assertEquals(PodLifecycle.DEFAULTS.appStartup(), lc.appStartup(), "the rest stays the scenario's");

    String both = error(podWith(
        "{proxy.istio.io/config: '{\"terminationDrainDuration\": \"30s\", \"concurrency\": 4}'}", "image: x") + """
        workloads: {reviews-v1: {serviceTime: 1ms}}
        lifecycle: {deployments: {reviews-v1: {terminationDrainDuration: 10s}}}
        """);
    assertTrue(both.contains("lifecycle.deployments.reviews-v1.terminationDrainDuration: terminationDrainDuration"
        + " of reviews-v1 is also set by its manifest"), both);
    String bad = error(podWith("{proxy.istio.io/config: 'terminationDrainDuration: 30 seconds'}", "image: x")
        + "workloads: {reviews-v1: {serviceTime: 1ms}}\n");
    assertTrue(bad.contains(":13:46: kubernetes[1].spec.template.metadata.annotations[\"proxy.istio.io/config\"]:"
        + " proxy.istio.io/config: terminationDrainDuration: unknown unit"), bad);
  }

  @Test
  void aRolloutUsesTheDeploymentsOwnStrategy() throws Exception {
    String deploy = """
        kubernetes:
        - {apiVersion: v1, kind: Service, metadata: {name: reviews}, spec: {selector: {app: reviews},
           ports: [{name: http, port: 9080}]}}
        - apiVersion: apps/v1
          kind: Deployment
          metadata: {name: reviews-v1}
          spec:
            replicas: 4
            strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 0, maxUnavailable: 1}}
            selector: {matchLabels: {app: reviews}}
            template: {metadata: {labels: {app: reviews}}, spec: {containers: [{name: r, image: x}]}}
        workloads: {reviews-v1: {serviceTime: 1ms}}
        timeline:
          - {at: 1s, rollout: {deployment: reviews-v1}}
          - {at: 2s, rollout: {deployment: reviews-v1, maxSurge: 2}}
        """;
    List<TimelineEvent> events = scenario(deploy).scenario().timeline().events();
    TimelineEvent.IntOrPercent zero = new TimelineEvent.IntOrPercent(0, false);
    TimelineEvent.IntOrPercent one = new TimelineEvent.IntOrPercent(1, false);
    TimelineEvent.DeploymentRef ref = new TimelineEvent.DeploymentRef("default", "reviews-v1");
    assertEquals(new TimelineEvent.Rollout(1_000_000_000L, ref, zero, one), events.get(0));
    assertEquals(new TimelineEvent.Rollout(2_000_000_000L, ref, new TimelineEvent.IntOrPercent(2, false), one),
        events.get(1), "what the rollout says wins over the manifest");
  }

  /** A Service and a Deployment whose pod template has these annotations and this container field. */
  private static String podWith(String annotations, String containerField) {
    return """
        kubernetes:
        - {apiVersion: v1, kind: Service, metadata: {name: reviews}, spec: {selector: {app: reviews},
           ports: [{name: http, port: 9080}]}}
        - apiVersion: apps/v1
          kind: Deployment
          metadata: {name: reviews-v1}
          spec:
            selector: {matchLabels: {app: reviews}}
            template:
              metadata:
                labels: {app: reviews}
                annotations: %s
              spec:
                containers:
                - name: r
                  %s
        """.formatted(annotations, containerField);
  }

  @Test
  void laterFilesReplaceEarlierObjectsAsKubectlApplyDoes() throws Exception {
    TestScenarios.write(tmp, "v1.yaml", REVIEWS);
    TestScenarios.write(tmp, "v2.yaml", REVIEWS.replace("replicas: 3", "replicas: 5"));
    LoadedScenario l = scenario("""
        kubernetesFiles: [v1.yaml, v2.yaml]
        workloads: {reviews-v1: {serviceTime: 1ms}}
        """);
    assertEquals(1, l.scenario().services().size());
    assertEquals(5, l.scenario().services().get(0).deployments().get(0).replicas());
    assertTrue(l.infos().get(0).contains("v2.yaml:3:18: document[0].metadata.name: Service default/reviews"
        + " replaces the one applied at "), l.infos().toString());
    assertFalse(l.infos().isEmpty());
    TestScenarios.write(tmp, "twice.yaml", REVIEWS + "---\n" + REVIEWS);
    String m = error("kubernetesFiles: [twice.yaml]\nworkloads: {reviews-v1: {serviceTime: 1ms}}\n");
    assertTrue(m.contains("twice.yaml:") && m.contains("Service default/reviews is defined twice (first at "), m);
  }

  @Test
  void aWorkloadAlsoInServicesIsAnError() {
    String m = TestScenarios.error(tmp, TestScenarios.MINIMAL.replace("load:", """
        kubernetes:
        - {apiVersion: v1, kind: Service, metadata: {name: details}, spec: {selector: {app: details},
           ports: [{name: http, port: 9080}]}}
        - {apiVersion: v1, kind: Pod, metadata: {name: reviews-v1, labels: {app: details}},
           spec: {containers: [{name: r, image: x}]}}
        workloads: {reviews-v1: {serviceTime: 1ms}}
        load:""")).getMessage();
    assertTrue(m.contains("metadata.name: deployment reviews-v1 is also declared in services: (namespace default)"), m);
  }

  @Test
  void kubectlGetAllPrintsControlledObjectsThatAreNotMorePods() throws Exception {
    TestScenarios.write(tmp, "all.yaml", """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: Pod
          metadata:
            name: web-5d4f-abcde
            labels: {app: web, pod-template-hash: 5d4f}
            ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d4f, controller: true, uid: u2}]
          spec: {containers: [{name: w, image: x}], nodeName: node-1}
          status: {phase: Running, podIP: 10.0.0.7}
        - apiVersion: v1
          kind: Service
          metadata: {name: web}
          spec: {clusterIP: 10.96.1.1, clusterIPs: [10.96.1.1], ipFamilies: [IPv4], sessionAffinity: None,
                 ports: [{name: http, port: 80, protocol: TCP, targetPort: 8080}], selector: {app: web}}
        - apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web, generation: 3}
          spec:
            replicas: 2
            progressDeadlineSeconds: 600
            selector: {matchLabels: {app: web}}
            template: {metadata: {labels: {app: web}}, spec: {containers: [{name: w, image: x}]}}
        - apiVersion: apps/v1
          kind: ReplicaSet
          metadata:
            name: web-5d4f
            ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, controller: true, uid: u1}]
          spec:
            replicas: 2
            selector: {matchLabels: {app: web, pod-template-hash: 5d4f}}
            template: {metadata: {labels: {app: web, pod-template-hash: 5d4f}}, spec: {containers: [{name: w, image: x}]}}
        """);
    LoadedScenario l = TestScenarios.load(tmp, """
        duration: 10s
        kubernetesFiles: [all.yaml]
        workloads: {web: {serviceTime: 1ms}}
        load: [{name: users, target: web, arrival: {poisson: 10/s}}]
        """);
    assertEquals(List.of(), l.warnings());
    List<DeploymentSpec> deployments = l.scenario().services().get(0).deployments();
    assertEquals(1, deployments.size(), "the ReplicaSet and the Pod are the Deployment's own");
    assertEquals(2, deployments.get(0).replicas());
  }

  @Test
  void aStatefulSetRollsOnePodAtATimeDeletingFirst() throws Exception {
    LoadedScenario l = scenario("""
        kubernetes:
        - {apiVersion: v1, kind: Service, metadata: {name: reviews}, spec: {selector: {app: reviews},
           ports: [{name: http, port: 9080}]}}
        - apiVersion: apps/v1
          kind: StatefulSet
          metadata: {name: reviews}
          spec:
            serviceName: reviews
            replicas: 3
            selector: {matchLabels: {app: reviews}}
            template: {metadata: {labels: {app: reviews}}, spec: {containers: [{name: r, image: x}]}}
            volumeClaimTemplates: [{metadata: {name: data}, spec: {accessModes: [ReadWriteOnce]}}]
        workloads: {reviews: {serviceTime: 1ms}}
        timeline: [{at: 1s, rollout: {deployment: reviews}}]
        """);
    assertEquals(3, l.scenario().services().get(0).deployments().get(0).replicas());
    assertEquals(new TimelineEvent.Rollout(1_000_000_000L, new TimelineEvent.DeploymentRef("default", "reviews"),
        new TimelineEvent.IntOrPercent(0, false), new TimelineEvent.IntOrPercent(1, false)),
        l.scenario().timeline().events().get(0));
  }

  @Test
  void anApiVersionKubernetesNoLongerServesIsAnError() {
    String m = error("""
        kubernetes:
        - {apiVersion: extensions/v1beta1, kind: Deployment, metadata: {name: reviews-v1}, spec: {}}
        """);
    assertTrue(m.contains(":3:16: kubernetes[0].apiVersion: expected apps/v1 for a Deployment (the API Kubernetes"
        + " serves since 1.16), got \"extensions/v1beta1\""), m);
  }
}

package dev.meshsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.app.FailureMode;
import dev.meshsim.engine.random.Distribution;
import dev.meshsim.timeline.ControlPlaneSettings;
import dev.meshsim.timeline.ControlPlaneSettings.ApplyOrder;
import dev.meshsim.timeline.ControlPlaneSettings.Delivery;
import dev.meshsim.timeline.PodLifecycle;
import dev.meshsim.timeline.Timeline;
import dev.meshsim.timeline.TimelineEvent;
import dev.meshsim.timeline.TimelineEvent.IntOrPercent;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The timeline, controlPlane, lifecycle and report blocks. */
class TimelineBinderTest {
  private static final long MS = 1_000_000L;
  private static final long S = 1_000 * MS;

  @TempDir Path tmp;

  private Timeline timeline(String extra) throws Exception {
    LoadedScenario loaded = TestScenarios.load(tmp, TestScenarios.MINIMAL + extra);
    assertEquals(List.of(), loaded.warnings());
    return loaded.scenario().timeline();
  }

  @Test
  void withoutTheBlocksEverythingIsDefault() throws Exception {
    Timeline t = timeline("");
    assertEquals(Timeline.NONE, t);
    assertEquals(ControlPlaneSettings.DEFAULTS, t.controlPlane());
    assertEquals(100 * MS, t.controlPlane().debounceAfterNanos());
    assertEquals(10 * S, t.controlPlane().debounceMaxNanos());
    assertEquals(Delivery.ADS, t.controlPlane().delivery());
    assertEquals(5 * S, t.lifecycle().terminationDrainNanos());
    assertFalse(t.lifecycle().holdApplicationUntilProxyStarts());
    assertEquals(S, t.bucketNanos());
  }

  @Test
  void applyFileIsReadInFileOrderAcrossKinds() throws Exception {
    TestScenarios.write(tmp, "change.yaml", """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: reviews}
        spec:
          hosts: [reviews]
          http: [{route: [{destination: {host: reviews, subset: v2}}]}]
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: reviews}
        spec: {host: reviews, subsets: [{name: v2, labels: {version: v2}}]}
        """);
    Timeline t = timeline("""
        timeline:
          - {at: 20ms, delete: {kind: DestinationRule, name: reviews}}
          - {at: 10ms, apply: change.yaml}
        """);
    assertEquals(2, t.events().size());
    TimelineEvent.Apply apply = assertInstanceOf(TimelineEvent.Apply.class, t.events().get(0)); // sorted by time
    assertEquals(10 * MS, apply.atNanos());
    assertEquals(List.of("VirtualService default/reviews", "DestinationRule default/reviews"),
        apply.objects().stream().map(TimelineEvent.IstioObject::key).toList());
    assertEquals("apply change.yaml", apply.describe());
    TimelineEvent.Delete delete = assertInstanceOf(TimelineEvent.Delete.class, t.events().get(1));
    assertEquals("default", delete.namespace());
  }

  @Test
  void podActionsNameDeployments() throws Exception {
    Timeline t = timeline("""
        timeline:
          - {at: 1s, scale: {deployment: reviews-v2, replicas: 3}}
          - {at: 2s, kill: {deployment: reviews-v1}}
          - {at: 3s, restart: {deployment: reviews-v2, pods: 2}}
          - {at: 4s, rollout: {deployment: ratings-v1, maxSurge: 1, maxUnavailable: 0}}
          - {at: 5s, rollout: {deployment: ratings-v1}}
          - {at: 6s, failure: {deployment: reviews-v1, errorRate: 1.0}}
          - {at: 7s, failure: {deployment: reviews-v1}}
        """);
    List<TimelineEvent> e = t.events();
    assertEquals(3, ((TimelineEvent.Scale) e.get(0)).replicas());
    assertEquals(1, ((TimelineEvent.Kill) e.get(1)).pods());
    assertEquals(2, ((TimelineEvent.Restart) e.get(2)).pods());
    TimelineEvent.Rollout r = (TimelineEvent.Rollout) e.get(3);
    assertEquals(new IntOrPercent(1, false), r.maxSurge());
    assertEquals(new IntOrPercent(0, false), r.maxUnavailable());
    assertEquals(IntOrPercent.QUARTER, ((TimelineEvent.Rollout) e.get(4)).maxSurge());
    assertEquals(1.0, ((TimelineEvent.Failure) e.get(5)).mode().errorRate());
    assertEquals(FailureMode.NONE, ((TimelineEvent.Failure) e.get(6)).mode());
    assertEquals("heal 1 pod of reviews-v1", e.get(6).describe());
  }

  @Test
  void percentagesRoundAsKubernetesDoes() {
    IntOrPercent quarter = IntOrPercent.QUARTER;
    assertEquals(1, quarter.resolve(3, true));
    assertEquals(0, quarter.resolve(3, false));
    assertEquals(3, quarter.resolve(10, true));
    assertEquals(2, quarter.resolve(10, false));
  }

  @Test
  void controlPlaneAndLifecycleKeys() throws Exception {
    Timeline t = timeline("""
        controlPlane:
          apply: {order: file, gap: 300ms}
          endpointsDelay: 10ms
          debounce: {after: 50ms, max: 1s, endpoints: false}
          pushThrottle: 4
          pushCost: {context: {base: 2ms, perResource: 1us}, proxy: {base: 1ms, perResource: 0}}
          delivery: {mode: independent, delay: 20ms, rds: 1ms}
        lifecycle:
          holdApplicationUntilProxyStarts: true
          appStartup: 300ms
          deployments:
            reviews-v1:
              sidecarStartup: 2s
              startupCalls: [{target: ratings:9080, path: /config}]
        report: {bucket: 250ms}
        """);
    ControlPlaneSettings cp = t.controlPlane();
    assertEquals(ApplyOrder.FILE, cp.applyOrder());
    assertEquals(new Distribution.Constant(300 * MS), cp.applyGap());
    assertEquals(50 * MS, cp.debounceAfterNanos());
    assertEquals(S, cp.debounceMaxNanos());
    assertFalse(cp.edsDebounce());
    assertEquals(4, cp.pushThrottle());
    assertEquals(new ControlPlaneSettings.PushCost(2 * MS, 1_000), cp.contextCost());
    assertEquals(Delivery.INDEPENDENT, cp.delivery());
    assertEquals(new Distribution.Constant(MS), cp.rdsDelay());
    assertEquals(null, cp.cdsDelay());
    PodLifecycle reviews = t.lifecycleOf("default", "reviews-v1");
    assertTrue(reviews.holdApplicationUntilProxyStarts(), "inherits the top-level keys");
    assertEquals(new Distribution.Constant(300 * MS), reviews.appStartup());
    assertEquals(new Distribution.Constant(2 * S), reviews.sidecarStartup());
    assertEquals("ratings.default.svc.cluster.local", reviews.startupCalls().get(0).host());
    assertEquals(List.of(), t.lifecycleOf("default", "reviews-v2").startupCalls());
    assertEquals(250 * MS, t.bucketNanos());
  }

  @Test
  void mistakesArePositioned() {
    assertTrue(TestScenarios.error(tmp, TestScenarios.MINIMAL + "timeline: [{at: 1s, kill: {deployment: nope}}]\n")
        .getMessage().contains("timeline[0].kill.deployment: no deployment \"nope\" in namespace default"));
    assertTrue(TestScenarios.error(tmp, TestScenarios.MINIMAL + "timeline: [{at: 11s, kill: {deployment: reviews-v1}}]\n")
        .getMessage().contains("timeline[0].at: at must be in [0, duration)"));
    assertTrue(TestScenarios.error(tmp, TestScenarios.MINIMAL
        + "timeline: [{at: 1s, kill: {deployment: reviews-v1}, scale: {deployment: reviews-v1, replicas: 1}}]\n")
        .getMessage().contains("exactly one action"));
    assertTrue(TestScenarios.error(tmp, TestScenarios.MINIMAL
        + "timeline: [{at: 1s, rollout: {deployment: reviews-v1, maxSurge: 0, maxUnavailable: 0%}}]\n")
        .getMessage().contains("cannot both be 0"));
    assertTrue(TestScenarios.error(tmp, TestScenarios.MINIMAL + "controlPlane: {delivery: {cds: 1ms}}\n")
        .getMessage().contains("controlPlane.delivery.cds"));
    assertTrue(TestScenarios.error(tmp, TestScenarios.MINIMAL + "timeline: [{at: 1s, apply: missing.yaml}]\n")
        .getMessage().contains("cannot read"));
  }
}

package dev.meshsim.testkit;

import dev.meshsim.engine.random.Distribution;
import dev.meshsim.scenario.Durations;
import dev.meshsim.scenario.LoadSpec;
import dev.meshsim.scenario.Scenario;
import dev.meshsim.timeline.ControlPlaneSettings;
import dev.meshsim.timeline.ControlPlaneSettings.ApplyOrder;
import dev.meshsim.timeline.Timeline;
import dev.meshsim.timeline.TimelineEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a test changes in the scenario before simulating it: duration, seed, extra timeline events
 * (applies, pod kills), the order and gaps of an apply's objects and the xDS delivery delay, the
 * loads. Immutable; start from {@link #NONE} and use the withers.
 *
 * <pre>{@code
 * mesh.simulate(s -> s.withDuration("5s").withSeed(3).withEvents(plan.events()))
 * }</pre>
 */
public record SimulationSettings(
    Long durationNanos,
    Long warmupNanos,
    Long seed,
    List<TimelineEvent> events,
    boolean replaceEvents,
    ApplyOrder applyOrder,
    Distribution applyGap,
    Distribution deliveryDelay,
    List<LoadSpec> loads) {

  /** The scenario as written. */
  public static final SimulationSettings NONE =
      new SimulationSettings(null, null, null, List.of(), false, null, null, null, null);

  public SimulationSettings {
    events = List.copyOf(events);
    loads = loads == null ? null : List.copyOf(loads);
  }

  /** Another duration, e.g. {@code "60s"}. */
  public SimulationSettings withDuration(String duration) {
    return new SimulationSettings(Durations.parseNanos(duration), warmupNanos, seed, events, replaceEvents, applyOrder, applyGap,
        deliveryDelay, loads);
  }

  /** Another warm-up (requests started before it are not counted), e.g. {@code "0s"}. */
  public SimulationSettings withWarmup(String warmup) {
    return new SimulationSettings(durationNanos, Durations.parseNanos(warmup), seed, events, replaceEvents, applyOrder,
        applyGap, deliveryDelay, loads);
  }

  public SimulationSettings withSeed(long newSeed) {
    return new SimulationSettings(durationNanos, warmupNanos, newSeed, events, replaceEvents, applyOrder, applyGap,
        deliveryDelay, loads);
  }

  /** Adds timeline events to the scenario's own. */
  public SimulationSettings withEvents(List<? extends TimelineEvent> more) {
    List<TimelineEvent> all = new ArrayList<>(events);
    all.addAll(more);
    return new SimulationSettings(durationNanos, warmupNanos, seed, all, replaceEvents, applyOrder, applyGap, deliveryDelay, loads);
  }

  /** Replaces the scenario's timeline events with these. */
  public SimulationSettings withOnlyEvents(List<? extends TimelineEvent> only) {
    return new SimulationSettings(durationNanos, warmupNanos, seed, List.copyOf(only), true, applyOrder, applyGap,
        deliveryDelay, loads);
  }

  /** The order and gap of the objects of one apply reaching istiod ({@code controlPlane.apply}). */
  public SimulationSettings withApply(ApplyOrder order, long gapNanos) {
    return new SimulationSettings(durationNanos, warmupNanos, seed, events, replaceEvents, order, new Distribution.Constant(gapNanos),
        deliveryDelay, loads);
  }

  /** Every xDS delivery takes exactly {@code nanos} ({@code controlPlane.deliveryDelay}). */
  public SimulationSettings withDeliveryDelay(long nanos) {
    return new SimulationSettings(durationNanos, warmupNanos, seed, events, replaceEvents, applyOrder, applyGap,
        new Distribution.Constant(nanos), loads);
  }

  /** Replaces the scenario's loads. */
  public SimulationSettings withLoads(List<LoadSpec> newLoads) {
    return new SimulationSettings(durationNanos, warmupNanos, seed, events, replaceEvents, applyOrder, applyGap, deliveryDelay,
        newLoads);
  }

  /** The scenario these settings describe. */
  public Scenario applyTo(Scenario base) {
    Scenario s = base;
    if (durationNanos != null) {
      s = s.withDuration(durationNanos);
    }
    if (seed != null) {
      s = s.withSeed(seed);
    }
    if (loads != null || warmupNanos != null) {
      s = new Scenario(s.name(), s.seed(), s.durationNanos(), warmupNanos == null ? s.warmupNanos() : warmupNanos,
          s.mesh(), s.services(), s.istio(), loads == null ? s.loads() : loads, s.istioVersion(), s.timeline());
    }
    return s.withTimeline(timeline(s.timeline()));
  }

  private Timeline timeline(Timeline base) {
    List<TimelineEvent> all = new ArrayList<>(replaceEvents ? List.of() : base.events());
    all.addAll(events);
    all.sort(Comparator.comparingLong(TimelineEvent::atNanos)); // stable: equal times keep their order
    return base.withEvents(all).withControlPlane(controlPlane(base.controlPlane()));
  }

  private ControlPlaneSettings controlPlane(ControlPlaneSettings c) {
    return new ControlPlaneSettings(
        applyOrder == null ? c.applyOrder() : applyOrder,
        applyGap == null ? c.applyGap() : applyGap,
        c.endpointsDelay(), c.debounceAfterNanos(), c.debounceMaxNanos(), c.edsDebounce(), c.pushThrottle(),
        c.contextCost(), c.proxyCost(), c.delivery(),
        deliveryDelay == null ? c.deliveryDelay() : deliveryDelay,
        c.cdsDelay(), c.edsDelay(), c.ldsDelay(), c.rdsDelay());
  }
}

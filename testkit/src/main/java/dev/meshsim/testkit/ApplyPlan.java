package dev.meshsim.testkit;

import dev.meshsim.scenario.Durations;
import dev.meshsim.timeline.TimelineEvent;
import dev.meshsim.timeline.TimelineEvent.IstioObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A rollout as it reaches istiod: Istio objects one after the other, each after its gap. jqwik
 * shrinks a failing plan towards the written order and zero gaps, so a counterexample keeps only
 * the swaps and waits that matter.
 *
 * @param steps the objects in the order they reach istiod
 */
public record ApplyPlan(List<Step> steps) {

  /** One object and the time since the previous one reached istiod. */
  public record Step(IstioObject object, long gapNanos) {
    @Override
    public String toString() {
      return "+" + Durations.format(gapNanos) + " " + object.key();
    }
  }

  public ApplyPlan {
    steps = List.copyOf(steps);
  }

  /**
   * A plan where object i reaches istiod {@code offsets.get(i)} after the start; objects with equal
   * offsets keep their written order. Every order is some set of offsets, and shrinking offsets to
   * zero restores the written order, which is why the arbitraries build plans this way.
   */
  public static ApplyPlan ofOffsets(List<IstioObject> objects, List<Long> offsets) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      order.add(i);
    }
    order.sort(java.util.Comparator.comparingLong(offsets::get)); // stable
    List<Step> steps = new ArrayList<>();
    long previous = 0;
    for (int i : order) {
      steps.add(new Step(objects.get(i), offsets.get(i) - previous));
      previous = offsets.get(i);
    }
    return new ApplyPlan(steps);
  }

  /** A plan of {@code objects} in this order, with {@code gaps.get(i)} before object i. */
  public static ApplyPlan of(List<IstioObject> objects, List<Long> gaps) {
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      steps.add(new Step(objects.get(i), gaps.get(i)));
    }
    return new ApplyPlan(steps);
  }

  /**
   * The plan as timeline events from {@code startNanos}: one single-object apply per step. Simulate
   * it with {@code withApply(ApplyOrder.FILE, 0)} so that each object reaches istiod at its time.
   */
  public List<TimelineEvent> events(long startNanos) {
    List<TimelineEvent> events = new ArrayList<>();
    long at = startNanos;
    for (int i = 0; i < steps.size(); i++) {
      at += steps.get(i).gapNanos();
      events.add(new TimelineEvent.Apply(at, "plan step " + (i + 1), List.of(steps.get(i).object())));
    }
    return events;
  }

  /** The position of the object with this key ({@code Kind namespace/name}), or -1. */
  public int indexOf(String key) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).object().key().equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return steps.toString();
  }
}

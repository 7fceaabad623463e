package dev.meshsim.scenario;

import dev.meshsim.engine.random.Distribution;
import dev.meshsim.timeline.ControlPlaneSettings;
import dev.meshsim.timeline.ControlPlaneSettings.ApplyOrder;
import dev.meshsim.timeline.ControlPlaneSettings.Delivery;
import dev.meshsim.timeline.ControlPlaneSettings.PushCost;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The scenario's {@code controlPlane} block: how config travels from {@code kubectl apply} through
 * istiod to the sidecars. Every key has a default ({@link ControlPlaneSettings#DEFAULTS}).
 */
final class ControlPlaneBinder {
  static final List<String> CONTROL_PLANE_KEYS =
      List.of("apply", "endpointsDelay", "debounce", "pushThrottle", "pushCost", "delivery");
  static final List<String> APPLY_KEYS = List.of("order", "gap");
  static final List<String> DEBOUNCE_KEYS = List.of("after", "max", "endpoints");
  static final List<String> PUSH_COST_KEYS = List.of("context", "proxy");
  static final List<String> COST_KEYS = List.of("base", "perResource");
  static final List<String> DELIVERY_KEYS = List.of("mode", "delay", "cds", "eds", "lds", "rds");

  private ControlPlaneBinder() {}

  static ControlPlaneSettings bind(YamlNode node) {
    ControlPlaneSettings d = ControlPlaneSettings.DEFAULTS;
    if (node == null) {
      return d;
    }
    YamlMap m = node.asMap().allowOnly(CONTROL_PLANE_KEYS);
    Optional<YamlMap> apply = block(m, "apply", APPLY_KEYS);
    Optional<YamlMap> debounce = block(m, "debounce", DEBOUNCE_KEYS);
    Optional<YamlMap> cost = block(m, "pushCost", PUSH_COST_KEYS);
    Optional<YamlMap> delivery = block(m, "delivery", DELIVERY_KEYS);
    ApplyOrder order = apply.flatMap(a -> a.optional("order")).map(ControlPlaneBinder::applyOrder)
        .orElse(d.applyOrder());
    Delivery mode = delivery.flatMap(a -> a.optional("mode")).map(ControlPlaneBinder::deliveryMode)
        .orElse(d.delivery());
    if (mode == Delivery.ADS) {
      rejectTypeDelays(delivery);
    }
    long after = debounce.map(b -> Fields.positiveDuration(b, "after", d.debounceAfterNanos()))
        .orElse(d.debounceAfterNanos());
    long max = debounce.map(b -> Fields.positiveDuration(b, "max", d.debounceMaxNanos())).orElse(d.debounceMaxNanos());
    return new ControlPlaneSettings(order,
        distribution(apply, "gap", d.applyGap()),
        m.optional("endpointsDelay").map(DistributionBinder::bind).orElse(d.endpointsDelay()),
        after, max,
        debounce.map(b -> b.bool("endpoints", d.edsDebounce())).orElse(d.edsDebounce()),
        m.optional("pushThrottle").map(n -> n.asInt(1)).orElse(d.pushThrottle()),
        cost.flatMap(c -> c.optional("context")).map(n -> pushCost(n, d.contextCost())).orElse(d.contextCost()),
        cost.flatMap(c -> c.optional("proxy")).map(n -> pushCost(n, d.proxyCost())).orElse(d.proxyCost()),
        mode,
        distribution(delivery, "delay", d.deliveryDelay()),
        distribution(delivery, "cds", null),
        distribution(delivery, "eds", null),
        distribution(delivery, "lds", null),
        distribution(delivery, "rds", null));
  }

  /** Per-type delays would be silently ignored over ADS, which delivers a push whole. */
  private static void rejectTypeDelays(Optional<YamlMap> delivery) {
    for (String t : List.of("cds", "eds", "lds", "rds")) {
      if (delivery.isPresent() && delivery.get().has(t)) {
        throw delivery.get().failAtKey(t, t + " delays apply to mode independent; ADS delivers a push at once"
            + " (use delay)");
      }
    }
  }

  private static ApplyOrder applyOrder(YamlNode node) {
    return switch (node.asString()) {
      case "random" -> ApplyOrder.RANDOM;
      case "file" -> ApplyOrder.FILE;
      case "reverse" -> ApplyOrder.REVERSE;
      default -> throw node.expected("random, file or reverse");
    };
  }

  private static Delivery deliveryMode(YamlNode node) {
    return switch (node.asString().toLowerCase(Locale.ROOT)) {
      case "ads" -> Delivery.ADS;
      case "independent" -> Delivery.INDEPENDENT;
      default -> throw node.expected("ads or independent");
    };
  }

  private static PushCost pushCost(YamlNode node, PushCost dflt) {
    YamlMap m = node.asMap().allowOnly(COST_KEYS);
    return new PushCost(Fields.duration(m, "base", dflt.baseNanos()),
        Fields.duration(m, "perResource", dflt.perResourceNanos()));
  }

  private static Optional<YamlMap> block(YamlMap m, String key, List<String> allowed) {
    return m.optional(key).map(n -> n.asMap().allowOnly(allowed));
  }

  private static Distribution distribution(Optional<YamlMap> block, String key, Distribution dflt) {
    return block.flatMap(b -> b.optional(key)).map(DistributionBinder::bind).orElse(dflt);
  }
}

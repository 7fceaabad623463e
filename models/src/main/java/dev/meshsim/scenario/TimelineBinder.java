package dev.meshsim.scenario;

import dev.meshsim.engine.random.Distribution;
import dev.meshsim.istio.IstioConfig;
import dev.meshsim.timeline.ControlPlaneSettings;
import dev.meshsim.timeline.ControlPlaneSettings.ApplyOrder;
import dev.meshsim.timeline.ControlPlaneSettings.Delivery;
import dev.meshsim.timeline.ControlPlaneSettings.PushCost;
import dev.meshsim.timeline.PodLifecycle;
import dev.meshsim.timeline.Timeline;
import dev.meshsim.timeline.TimelineEvent;
import dev.meshsim.timeline.TimelineEvent.DeploymentRef;
import dev.meshsim.timeline.TimelineEvent.IntOrPercent;
import dev.meshsim.timeline.TimelineEvent.IstioObject;
import dev.meshsim.yaml.YamlException;
import dev.meshsim.yaml.YamlList;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import dev.meshsim.yaml.YamlReader;
import dev.meshsim.yaml.YamlScalar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scenario's dynamic part: {@code timeline} (what changes when), {@code controlPlane} (how
 * config travels to the sidecars), {@code lifecycle} (how pods start and stop) and {@code report}
 * (the time-series bucket). Documented in the README's scenario format.
 */
final class TimelineBinder {

  static final List<String> TOP_KEYS = List.of("timeline", "controlPlane", "lifecycle", "report");
  static final List<String> ACTIONS =
      List.of("apply", "delete", "scale", "kill", "restart", "rollout", "failure");
  static final List<String> EVENT_KEYS = union(List.of("at"), ACTIONS);
  static final List<String> DELETE_KEYS = List.of("kind", "name", "namespace");
  static final List<String> SCALE_KEYS = List.of("deployment", "namespace", "replicas");
  static final List<String> PODS_KEYS = List.of("deployment", "namespace", "pods");
  static final List<String> ROLLOUT_KEYS = List.of("deployment", "namespace", "maxSurge", "maxUnavailable");
  static final List<String> FAILURE_KEYS = List.of("deployment", "namespace", "pods", "errorRate", "errorCode",
      "refuseConnections", "resetRate", "slowdown");
  static final List<String> CONTROL_PLANE_KEYS =
      List.of("apply", "endpointsDelay", "debounce", "pushThrottle", "pushCost", "delivery");
  static final List<String> APPLY_KEYS = List.of("order", "gap");
  static final List<String> DEBOUNCE_KEYS = List.of("after", "max", "endpoints");
  static final List<String> PUSH_COST_KEYS = List.of("context", "proxy");
  static final List<String> COST_KEYS = List.of("base", "perResource");
  static final List<String> DELIVERY_KEYS = List.of("mode", "delay", "cds", "eds", "lds", "rds");
  static final List<String> LIFECYCLE_KEYS = List.of("sidecarStartup", "appStartup",
      "holdApplicationUntilProxyStarts", "readinessDelay", "terminationDrainDuration", "restartBackoff",
      "startupCalls");
  static final List<String> STARTUP_CALL_KEYS = List.of("target", "path", "method", "headers");
  static final List<String> REPORT_KEYS = List.of("bucket");

  private static final Pattern PERCENT = Pattern.compile("([0-9]{1,3})%");

  private final Path scenarioFile;
  private final Warnings warnings;
  private final IstioVersion version;
  private final List<ServiceSpec> services;
  private final RequestBinder requests;
  private final long durationNanos;

  TimelineBinder(Path scenarioFile, Warnings warnings, IstioVersion version, List<ServiceSpec> services,
      RequestBinder requests, long durationNanos) {
    this.scenarioFile = scenarioFile;
    this.warnings = warnings;
    this.version = version;
    this.services = services;
    this.requests = requests;
    this.durationNanos = durationNanos;
  }

  private static List<String> union(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return List.copyOf(out);
  }

  Timeline bind(YamlMap root) {
    ControlPlaneSettings cp = controlPlane(root.get("controlPlane"));
    PodLifecycle lifecycle = PodLifecycle.DEFAULTS;
    Map<String, PodLifecycle> perDeployment = new LinkedHashMap<>();
    YamlNode lc = root.get("lifecycle");
    if (lc != null) {
      YamlMap m = lc.asMap().allowOnly(union(LIFECYCLE_KEYS, List.of("deployments")));
      lifecycle = lifecycle(m, PodLifecycle.DEFAULTS, null);
      for (String name : m.optional("deployments").map(YamlNode::asMap).map(YamlMap::keys).orElse(java.util.Set.of())) {
        YamlMap dm = m.required("deployments").asMap();
        YamlNode node = dm.get(name);
        ServiceSpec service = serviceOf(node, name);
        String dname = name.contains("/") ? name.substring(name.indexOf('/') + 1) : name;
        perDeployment.put(service.namespace() + "/" + dname,
            lifecycle(node.asMap().allowOnly(LIFECYCLE_KEYS), lifecycle, service));
      }
      if (!lifecycle.startupCalls().isEmpty()) {
        throw m.failAtKey("startupCalls", "startupCalls belong to a Deployment (lifecycle.deployments.<name>):"
            + " targets resolve from its namespace");
      }
    }
    long bucket = Timeline.DEFAULT_BUCKET_NANOS;
    YamlNode report = root.get("report");
    if (report != null) {
      YamlMap m = report.asMap().allowOnly(REPORT_KEYS);
      bucket = positiveDuration(m, "bucket", Timeline.DEFAULT_BUCKET_NANOS);
    }
    List<TimelineEvent> events = new ArrayList<>();
    for (YamlNode node : root.list("timeline")) {
      events.add(event(node.asMap()));
    }
    events.sort(Comparator.comparingLong(TimelineEvent::atNanos)); // stable: file order at equal times
    return new Timeline(events, cp, lifecycle, perDeployment, bucket);
  }

  // --- timeline events ---

  private TimelineEvent event(YamlMap m) {
    m.allowOnly(EVENT_KEYS);
    YamlNode atNode = m.required("at");
    long at = Fields.duration(atNode);
    if (at < 0 || at >= durationNanos) {
      throw atNode.fail("at must be in [0, duration) = [0, " + Durations.format(durationNanos) + ")");
    }
    List<String> present = ACTIONS.stream().filter(m::has).toList();
    if (present.size() != 1) {
      throw m.fail("a timeline entry needs `at` and exactly one action of " + String.join(", ", ACTIONS)
          + (present.isEmpty() ? "" : "; it has " + String.join(", ", present)));
    }
    String action = present.get(0);
    YamlNode body = m.required(action);
    return switch (action) {
      case "apply" -> apply(at, body);
      case "delete" -> delete(at, body.asMap().allowOnly(DELETE_KEYS));
      case "scale" -> {
        YamlMap s = body.asMap().allowOnly(SCALE_KEYS);
        yield new TimelineEvent.Scale(at, deployment(s), s.required("replicas").asInt(0));
      }
      case "kill" -> {
        YamlMap k = body.asMap().allowOnly(PODS_KEYS);
        yield new TimelineEvent.Kill(at, deployment(k), pods(k));
      }
      case "restart" -> {
        YamlMap r = body.asMap().allowOnly(PODS_KEYS);
        yield new TimelineEvent.Restart(at, deployment(r), pods(r));
      }
      case "rollout" -> rollout(at, body.asMap().allowOnly(ROLLOUT_KEYS));
      case "failure" -> failure(at, body.asMap().allowOnly(FAILURE_KEYS));
      default -> throw body.fail("unknown action " + action);
    };
  }

  /** A file name (relative to the scenario) or an inline list of resources. */
  private TimelineEvent apply(long at, YamlNode body) {
    IstioBinder binder = new IstioBinder(warnings, version);
    String source;
    if (body instanceof YamlList list) {
      list.requireSize(1, "resource");
      list.items().forEach(binder::add);
      source = null; // named after its objects below
    } else {
      source = body.asNonEmptyString();
      Path file = scenarioFile.resolveSibling(source);
      List<YamlNode> docs;
      try {
        docs = YamlReader.readFile(file);
      } catch (YamlException e) {
        if (e.position().line() > 0) {
          throw e;
        }
        throw body.fail("cannot read " + file + ": " + e.problem());
      }
      docs.forEach(binder::add);
    }
    IstioConfig config = binder.resources();
    List<IstioObject> objects = new ArrayList<>();
    config.virtualServices().forEach(vs -> objects.add(IstioObject.of(vs)));
    config.destinationRules().forEach(dr -> objects.add(IstioObject.of(dr)));
    objects.sort(Comparator.comparingInt(o -> o.meta().order())); // file order across kinds
    if (objects.isEmpty()) {
      throw body.fail("the apply holds no VirtualService or DestinationRule");
    }
    if (source == null) {
      source = objects.size() <= 2
          ? String.join(" + ", objects.stream().map(IstioObject::key).toList())
          : objects.get(0).key() + " and " + (objects.size() - 1) + " more";
    }
    return new TimelineEvent.Apply(at, source, objects);
  }

  private TimelineEvent delete(long at, YamlMap m) {
    YamlNode kindNode = m.required("kind");
    String kind = kindNode.asString();
    if (!kind.equals("VirtualService") && !kind.equals("DestinationRule")) {
      throw kindNode.expected("VirtualService or DestinationRule");
    }
    return new TimelineEvent.Delete(at, kind, m.string("name"), m.string("namespace", "default"));
  }

  private TimelineEvent rollout(long at, YamlMap m) {
    IntOrPercent surge = m.optional("maxSurge").map(TimelineBinder::intOrPercent).orElse(IntOrPercent.QUARTER);
    IntOrPercent unavailable =
        m.optional("maxUnavailable").map(TimelineBinder::intOrPercent).orElse(IntOrPercent.QUARTER);
    if (surge.value() == 0 && unavailable.value() == 0) {
      throw m.fail("maxSurge and maxUnavailable cannot both be 0 (Kubernetes rejects it)");
    }
    return new TimelineEvent.Rollout(at, deployment(m), surge, unavailable);
  }

  private TimelineEvent failure(long at, YamlMap m) {
    FailureMode none = FailureMode.NONE;
    FailureMode mode = new FailureMode(m.number("errorRate", none.errorRate(), 0, 1),
        m.optional("errorCode").map(n -> n.asInt(400, 599)).orElse(none.errorCode()),
        m.bool("refuseConnections", none.refuseConnections()), m.number("resetRate", none.resetRate(), 0, 1),
        m.number("slowdown", none.slowdown(), FailureMode.MIN_SLOWDOWN, Double.MAX_VALUE));
    return new TimelineEvent.Failure(at, deployment(m), pods(m), mode);
  }

  /** {@code 1} or {@code 25%}. */
  private static IntOrPercent intOrPercent(YamlNode node) {
    if (node instanceof YamlScalar s && s.kind() == YamlScalar.Kind.INT) {
      return new IntOrPercent(node.asInt(0), false);
    }
    Matcher pm = PERCENT.matcher(node.asString());
    if (!pm.matches() || Integer.parseInt(pm.group(1)) > 100) {
      throw node.expected("a count (1) or a percentage (25%)");
    }
    return new IntOrPercent(Integer.parseInt(pm.group(1)), true);
  }

  private static int pods(YamlMap m) {
    return m.optional("pods").map(n -> n.asInt(1)).orElse(1);
  }

  /** {@code deployment} (and {@code namespace}, default {@code default}) naming a Deployment. */
  private DeploymentRef deployment(YamlMap m) {
    YamlNode nameNode = m.required("deployment");
    String name = nameNode.asString();
    String namespace = m.string("namespace", "default");
    for (ServiceSpec s : services) {
      for (DeploymentSpec d : s.deployments()) {
        if (d.name().equals(name) && s.namespace().equals(namespace)) {
          return new DeploymentRef(namespace, name);
        }
      }
    }
    throw nameNode.fail("no deployment " + YamlScalar.quote(name) + " in namespace " + namespace
        + "; deployments: " + deploymentNames());
  }

  private String deploymentNames() {
    List<String> names = new ArrayList<>();
    for (ServiceSpec s : services) {
      for (DeploymentSpec d : s.deployments()) {
        names.add(s.namespace().equals("default") ? d.name() : s.namespace() + "/" + d.name());
      }
    }
    return String.join(", ", names);
  }

  /** The Service of the Deployment named {@code key} ({@code name} or {@code namespace/name}). */
  private ServiceSpec serviceOf(YamlNode at, String key) {
    String namespace = key.contains("/") ? key.substring(0, key.indexOf('/')) : null;
    String name = key.contains("/") ? key.substring(key.indexOf('/') + 1) : key;
    List<ServiceSpec> found = new ArrayList<>();
    for (ServiceSpec s : services) {
      for (DeploymentSpec d : s.deployments()) {
        if (d.name().equals(name) && (namespace == null || s.namespace().equals(namespace))) {
          found.add(s);
        }
      }
    }
    if (found.isEmpty()) {
      throw at.fail("no deployment " + YamlScalar.quote(key) + "; deployments: " + deploymentNames());
    }
    if (found.size() > 1) {
      throw at.fail("deployment " + name + " exists in several namespaces; write namespace/" + name);
    }
    return found.get(0);
  }

  // --- controlPlane ---

  private static ControlPlaneSettings controlPlane(YamlNode node) {
    ControlPlaneSettings d = ControlPlaneSettings.DEFAULTS;
    if (node == null) {
      return d;
    }
    YamlMap m = node.asMap().allowOnly(CONTROL_PLANE_KEYS);
    Optional<YamlMap> apply = block(m, "apply", APPLY_KEYS);
    Optional<YamlMap> debounce = block(m, "debounce", DEBOUNCE_KEYS);
    Optional<YamlMap> cost = block(m, "pushCost", PUSH_COST_KEYS);
    Optional<YamlMap> delivery = block(m, "delivery", DELIVERY_KEYS);
    ApplyOrder order = apply.flatMap(a -> a.optional("order")).map(TimelineBinder::applyOrder).orElse(d.applyOrder());
    Delivery mode = delivery.flatMap(a -> a.optional("mode")).map(TimelineBinder::deliveryMode).orElse(d.delivery());
    if (mode == Delivery.ADS) {
      for (String t : List.of("cds", "eds", "lds", "rds")) {
        if (delivery.isPresent() && delivery.get().has(t)) {
          throw delivery.get().failAtKey(t, t + " delays apply to mode independent; ADS delivers a push at once"
              + " (use delay)");
        }
      }
    }
    long after = debounce.map(b -> positiveDuration(b, "after", d.debounceAfterNanos())).orElse(d.debounceAfterNanos());
    long max = debounce.map(b -> positiveDuration(b, "max", d.debounceMaxNanos())).orElse(d.debounceMaxNanos());
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

  // --- lifecycle ---

  private PodLifecycle lifecycle(YamlMap m, PodLifecycle d, ServiceSpec service) {
    List<dev.meshsim.scenario.HttpRequestSpec> calls = new ArrayList<>(d.startupCalls());
    if (m.has("startupCalls")) {
      calls.clear();
      for (YamlNode c : m.list("startupCalls")) {
        YamlMap cm = c.asMap().allowOnly(STARTUP_CALL_KEYS);
        String namespace = service == null ? "default" : service.namespace();
        calls.add(requests.request(cm, namespace));
      }
    }
    return new PodLifecycle(
        m.optional("sidecarStartup").map(DistributionBinder::bind).orElse(d.sidecarStartup()),
        m.optional("appStartup").map(DistributionBinder::bind).orElse(d.appStartup()),
        m.bool("holdApplicationUntilProxyStarts", d.holdApplicationUntilProxyStarts()),
        m.optional("readinessDelay").map(DistributionBinder::bind).orElse(d.readinessDelay()),
        Fields.duration(m, "terminationDrainDuration", d.terminationDrainNanos()),
        positiveDuration(m, "restartBackoff", d.restartBackoffNanos()),
        calls);
  }

  // --- helpers ---

  private static Optional<YamlMap> block(YamlMap m, String key, List<String> allowed) {
    return m.optional(key).map(n -> n.asMap().allowOnly(allowed));
  }

  private static Distribution distribution(Optional<YamlMap> block, String key, Distribution dflt) {
    return block.flatMap(b -> b.optional(key)).map(DistributionBinder::bind).orElse(dflt);
  }

  private static long positiveDuration(YamlMap m, String key, long dflt) {
    if (!m.has(key)) {
      return dflt;
    }
    long v = Fields.duration(m.required(key));
    if (v <= 0) {
      throw m.required(key).fail(key + " must be > 0");
    }
    return v;
  }
}

package dev.meshsim.scenario;

import dev.meshsim.app.FailureMode;
import dev.meshsim.istio.IstioConfig;
import dev.meshsim.timeline.ControlPlaneSettings;
import dev.meshsim.timeline.Timeline;
import dev.meshsim.timeline.TimelineEvent;
import dev.meshsim.timeline.TimelineEvent.IntOrPercent;
import dev.meshsim.timeline.TimelineEvent.IstioObject;
import dev.meshsim.yaml.YamlException;
import dev.meshsim.yaml.YamlList;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import dev.meshsim.yaml.YamlScalar;
import dev.meshsim.yaml.SourceFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.stream.Stream;

/**
 * The scenario's dynamic part: {@code timeline} (what changes when), {@code controlPlane} (how
 * config travels to the sidecars: {@link ControlPlaneBinder}), {@code lifecycle} (how pods start and
 * stop: {@link LifecycleBinder}) and {@code report} (the time-series bucket). Documented in the
 * README's scenario format.
 */
final class TimelineBinder {

  static final List<String> TOP_KEYS = List.of("timeline", "controlPlane", "lifecycle", "report");
  static final List<String> ACTIONS =
      List.of("apply", "delete", "scale", "kill", "restart", "rollout", "failure");
  static final List<String> EVENT_KEYS = Stream.concat(Stream.of("at"), ACTIONS.stream()).toList();
  static final List<String> DELETE_KEYS = List.of("kind", "name", "namespace");
  static final List<String> SCALE_KEYS = List.of("deployment", "namespace", "replicas");
  static final List<String> PODS_KEYS = List.of("deployment", "namespace", "pods");
  static final List<String> ROLLOUT_KEYS = List.of("deployment", "namespace", "maxSurge", "maxUnavailable");
  static final List<String> FAILURE_KEYS = List.of("deployment", "namespace", "pods", "errorRate", "errorCode",
      "refuseConnections", "resetRate", "slowdown");
  static final List<String> REPORT_KEYS = List.of("bucket");

  private static final Pattern PERCENT = Pattern.compile("([0-9]{1,3})%");

  private final Path scenarioFile;
  private final SourceFiles sources;
  private final Warnings warnings;
  private final IstioVersion version;
  private final DeploymentLookup deployments;
  private final LifecycleBinder lifecycles;
  private final long durationNanos;
  private final List<ServiceSpec> services;
  /** A Deployment's own rollout limits (its manifest's strategy), keyed namespace/name. */
  private final java.util.Map<String, KubeObjects.Rollout> rollouts;

  TimelineBinder(Path scenarioFile, SourceFiles sources, Warnings warnings, IstioVersion version,
      List<ServiceSpec> services, RequestBinder requests, long durationNanos) {
    this(scenarioFile, sources, warnings, version, services, requests, durationNanos, java.util.Map.of());
  }

  TimelineBinder(Path scenarioFile, SourceFiles sources, Warnings warnings, IstioVersion version,
      List<ServiceSpec> services, RequestBinder requests, long durationNanos,
      java.util.Map<String, KubeObjects.Rollout> rollouts) {
    this.rollouts = rollouts;
    this.scenarioFile = scenarioFile;
    this.sources = sources;
    this.warnings = warnings;
    this.version = version;
    this.deployments = new DeploymentLookup(services);
    this.services = services;
    this.lifecycles = new LifecycleBinder(requests, deployments);
    this.durationNanos = durationNanos;
  }

  /** The timeline of {@code root}; {@code initial} is the Istio config in force at time 0. */
  Timeline bind(YamlMap root, IstioConfig initial) {
    ControlPlaneSettings cp = ControlPlaneBinder.bind(root.get("controlPlane"));
    LifecycleBinder.Lifecycles lifecycle = lifecycles.bind(root.get("lifecycle"));
    long bucket = Timeline.DEFAULT_BUCKET_NANOS;
    YamlNode report = root.get("report");
    if (report != null) {
      YamlMap m = report.asMap().allowOnly(REPORT_KEYS);
      bucket = Fields.positiveDuration(m, "bucket", Timeline.DEFAULT_BUCKET_NANOS);
    }
    List<TimelineEvent> events = new ArrayList<>();
    Map<TimelineEvent, YamlNode> nodes = new IdentityHashMap<>();
    for (YamlNode node : root.list("timeline")) {
      TimelineEvent e = event(node.asMap());
      events.add(e);
      nodes.put(e, node);
    }
    events.sort(Comparator.comparingLong(TimelineEvent::atNanos)); // stable: file order at equal times
    TimelineChecks.warn(events, nodes, initial, services, warnings);
    // The time series (one bucket per report.bucket) is kept only when there is a timeline.
    String tooMany = events.isEmpty() ? null : ScenarioLimits.bucketProblem(durationNanos, bucket);
    if (tooMany != null) {
      YamlNode written = report == null ? null : report.asMap().get("bucket");
      throw (written != null ? written : root.required("timeline")).fail(tooMany);
    }
    return new Timeline(events, cp, lifecycle.defaults(), lifecycle.perDeployment(), bucket);
  }

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
        yield new TimelineEvent.Scale(at, deployments.ref(s), s.required("replicas").asInt(0, ScenarioLimits.MAX_REPLICAS));
      }
      case "kill" -> {
        YamlMap k = body.asMap().allowOnly(PODS_KEYS);
        yield new TimelineEvent.Kill(at, deployments.ref(k), pods(k));
      }
      case "restart" -> {
        YamlMap r = body.asMap().allowOnly(PODS_KEYS);
        yield new TimelineEvent.Restart(at, deployments.ref(r), pods(r));
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
      readApplyFile(body, scenarioFile.resolveSibling(source)).forEach(binder::add);
    }
    if (!binder.peerAuthentications().isEmpty()) {
      throw body.fail("a PeerAuthentication in a timeline apply is not modelled yet: meshsim reads PeerAuthentication"
          + " at time 0 only (put it in istio: or istioFiles)");
    }
    IstioConfig read = binder.resources();
    if (binder.referenceGrants() > 0) {
      warnings.add(body, "ReferenceGrants are fixed for the run (read at time 0 only): the "
          + binder.referenceGrants() + " in this apply are ignored");
    }
    int fixed = read.serviceEntries().size() + read.gateways().size();
    if (fixed > 0) {
      warnings.add(body, "ServiceEntries and Gateways are fixed for the run (only VirtualServices, DestinationRules"
          + " and Sidecars change during it): the " + fixed + " in this apply are ignored");
    }
    List<IstioObject> objects = objects(read);
    if (objects.isEmpty()) {
      throw body.fail("the apply holds no VirtualService, DestinationRule or Sidecar");
    }
    if (source == null) {
      source = objects.size() <= 2
          ? String.join(" + ", objects.stream().map(IstioObject::key).toList())
          : objects.get(0).key() + " and " + (objects.size() - 1) + " more";
    }
    return new TimelineEvent.Apply(at, source, objects);
  }

  /** The file's YAML documents; a file that cannot be read fails at the apply that names it. */
  private List<YamlNode> readApplyFile(YamlNode body, Path file) {
    try {
      return sources.read(file);
    } catch (YamlException e) {
      if (e.position().line() > 0) {
        throw e;
      }
      throw body.fail("cannot read " + file + ": " + e.problem());
    }
  }

  /** The apply's objects in file order across kinds, as {@code kubectl apply} sends them. */
  private static List<IstioObject> objects(IstioConfig config) {
    List<IstioObject> objects = new ArrayList<>();
    config.virtualServices().forEach(vs -> objects.add(IstioObject.of(vs)));
    config.destinationRules().forEach(dr -> objects.add(IstioObject.of(dr)));
    config.sidecars().forEach(sc -> objects.add(IstioObject.of(sc)));
    objects.sort(Comparator.comparingInt(o -> o.meta().order())); // file order across kinds
    return objects;
  }

  private TimelineEvent delete(long at, YamlMap m) {
    YamlNode kindNode = m.required("kind");
    String kind = kindNode.asString();
    if (!kind.equals("VirtualService") && !kind.equals("DestinationRule") && !kind.equals("Sidecar")) {
      throw kindNode.expected("VirtualService, DestinationRule or Sidecar");
    }
    return new TimelineEvent.Delete(at, kind, m.string("name"), m.string("namespace", "default"));
  }

  private TimelineEvent rollout(long at, YamlMap m) {
    TimelineEvent.DeploymentRef ref = deployments.ref(m);
    KubeObjects.Rollout own = rollouts.get(ref.namespace() + "/" + ref.name());
    IntOrPercent surge = m.optional("maxSurge").map(TimelineBinder::intOrPercent)
        .orElse(own == null ? IntOrPercent.QUARTER : own.maxSurge());
    IntOrPercent unavailable = m.optional("maxUnavailable").map(TimelineBinder::intOrPercent)
        .orElse(own == null ? IntOrPercent.QUARTER : own.maxUnavailable());
    if (surge.value() == 0 && unavailable.value() == 0) {
      throw m.fail("maxSurge and maxUnavailable cannot both be 0 (Kubernetes rejects it)");
    }
    return new TimelineEvent.Rollout(at, ref, surge, unavailable);
  }

  private TimelineEvent failure(long at, YamlMap m) {
    FailureMode none = FailureMode.NONE;
    FailureMode mode = new FailureMode(m.number("errorRate", none.errorRate(), 0, 1),
        m.optional("errorCode").map(n -> n.asInt(400, 599)).orElse(none.errorCode()),
        m.bool("refuseConnections", none.refuseConnections()), m.number("resetRate", none.resetRate(), 0, 1),
        m.number("slowdown", none.slowdown(), FailureMode.MIN_SLOWDOWN, ScenarioLimits.MAX_SLOWDOWN));
    return new TimelineEvent.Failure(at, deployments.ref(m), pods(m), mode);
  }

  /** {@code 1} or {@code 25%}. */
  static IntOrPercent intOrPercent(YamlNode node) {
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
    return m.optional("pods").map(n -> n.asInt(1, ScenarioLimits.MAX_REPLICAS)).orElse(1);
  }
}

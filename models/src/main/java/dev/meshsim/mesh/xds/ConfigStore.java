package dev.meshsim.mesh.xds;

import dev.meshsim.istio.DestinationRule;
import dev.meshsim.istio.IstioConfig;
import dev.meshsim.istio.Sidecar;
import dev.meshsim.istio.VirtualService;
import dev.meshsim.timeline.TimelineEvent.IstioObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * istiod's informer cache of Istio objects, keyed {@code Kind namespace/name}, in creation order.
 * Updating an object keeps its place (Kubernetes keeps its {@code creationTimestamp}, which is what
 * Istio orders duplicate VirtualServices by); deleting and re-creating one moves it to the end.
 */
final class ConfigStore {
  private final LinkedHashMap<String, IstioObject> objects = new LinkedHashMap<>();
  /** ServiceEntries, Gateways and the outbound policy: fixed for the run (the timeline applies VS, DR and Sidecars). */
  private final IstioConfig fixed;

  /** The scenario's initial resources, in the order they were read. */
  ConfigStore(IstioConfig initial) {
    this.fixed = initial;
    List<IstioObject> all = new ArrayList<>();
    initial.virtualServices().forEach(vs -> all.add(IstioObject.of(vs)));
    initial.destinationRules().forEach(dr -> all.add(IstioObject.of(dr)));
    initial.sidecars().forEach(sc -> all.add(IstioObject.of(sc)));
    all.sort(Comparator.comparingInt(o -> o.meta().order()));
    all.forEach(this::apply);
  }

  /** Creates or updates {@code object}. */
  void apply(IstioObject object) {
    objects.put(object.key(), object);
  }

  /** Deletes the object; false if there was none. */
  boolean delete(String kind, String namespace, String name) {
    return objects.remove(IstioObject.key(kind, namespace, name)) != null;
  }

  /** The objects now, each kind in creation order. */
  IstioConfig snapshot() {
    List<VirtualService> vss = new ArrayList<>();
    List<DestinationRule> drs = new ArrayList<>();
    List<Sidecar> sidecars = new ArrayList<>();
    for (IstioObject o : objects.values()) {
      if (o.virtualService() != null) {
        vss.add(o.virtualService());
      } else if (o.destinationRule() != null) {
        drs.add(o.destinationRule());
      } else {
        sidecars.add(o.sidecar());
      }
    }
    return new IstioConfig(vss, drs, fixed.serviceEntries(), fixed.outboundPolicy(), fixed.gateways(), sidecars,
        fixed.protocolDetection(), fixed.mtls(), fixed.serviceExports());
  }

  Map<String, IstioObject> objects() {
    return java.util.Collections.unmodifiableMap(objects);
  }
}

package dev.meshsim.mesh;

import dev.meshsim.engine.Simulation;
import dev.meshsim.mesh.datapath.AppProcess;
import dev.meshsim.mesh.datapath.Exchange;
import dev.meshsim.mesh.datapath.Inbound;
import dev.meshsim.mesh.datapath.Pod;
import dev.meshsim.mesh.datapath.RequestTemplate;
import dev.meshsim.mesh.routing.RouteConfiguration;
import dev.meshsim.app.FailureMode;
import dev.meshsim.app.HttpRequestSpec;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What stands in a gateway pod where an app would be: nothing but its Envoy. A request reaching the
 * pod goes to the Envoy's listener for its port: none (no Gateway server on that port) closes the
 * connection; otherwise the virtual host is chosen by the Host header (exact, {@code *.suffix},
 * {@code *}) and the request is routed as a sidecar routes an app's call, {@code 404 NR} included.
 * The gateway's own hops are the pod's sidecar costs.
 */
final class GatewayProcess implements AppProcess {
  private final Pod pod;
  private final Simulation sim;
  /** Re-addressed templates of the route configuration in force, by original template. */
  private final Map<RequestTemplate, RequestTemplate> templates = new HashMap<>();
  private RouteConfiguration templatesFor;

  GatewayProcess(Pod pod, Simulation sim) {
    this.pod = pod;
    this.sim = sim;
  }

  @Override
  public void accept(Inbound request) {
    RequestTemplate original = request.request();
    if (pod.sidecar() == null || !pod.sidecar().xds().routes().gatewayListensOn(original.spec().port())) {
      request.reset(); // no listener on this port: the connection is refused
      return;
    }
    RouteConfiguration routes = pod.sidecar().xds().routes();
    if (routes != templatesFor) {
      templates.clear(); // a new route configuration may pick other virtual hosts
      templatesFor = routes;
    }
    RequestTemplate routed = templates.computeIfAbsent(original, o -> readdress(routes, o));
    pod.send(new Exchange(routed, pod, sim.now(), done -> request.respond(done.code())));
  }

  /** The request as the gateway's route configuration sees it: its virtual host by Host header. */
  private static RequestTemplate readdress(RouteConfiguration routes, RequestTemplate original) {
    HttpRequestSpec spec = original.spec();
    String hostHeader = spec.headers().getOrDefault("host", spec.authority());
    String host = hostHeader.toLowerCase(Locale.ROOT);
    int colon = host.lastIndexOf(':');
    host = colon < 0 ? host : host.substring(0, colon);
    String domain = routes.domainFor(host, spec.port());
    return RequestTemplate.of(new HttpRequestSpec(hostHeader, domain == null ? host : domain, spec.port(),
        spec.method(), spec.path(), spec.headers()));
  }

  @Override
  public void abortAll() {
    // Requests in flight belong to the Envoy's exchanges; nothing is held here.
  }

  @Override
  public void setFailure(FailureMode mode) {
    // A gateway has no app to misbehave.
  }
}

package dev.meshsim.mesh.app;

import dev.meshsim.mesh.datapath.Exchange;
import dev.meshsim.mesh.datapath.RequestTemplate;
import dev.meshsim.scenario.CallStep;
import dev.meshsim.app.HttpRequestSpec;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One call of an app's call graph as the app makes it: the request, the headers it copies from the
 * request it serves ({@code propagate}), and its own timeout and retries.
 *
 * <p>A call that copies headers sends the template with the served request's values of those
 * headers; the value copied replaces the call's own value of the same header. Each served template
 * gives one derived template, made once and kept (a run has a fixed set of templates: the loads'
 * and, derived from them, the apps'), so a request allocates nothing here.
 */
final class CallPlan {
  /**
   * Trace contexts an app can pass on: B3 single ({@code b3}), B3 multi ({@code x-b3-traceid} with
   * {@code x-b3-spanid}; Zipkin, Jaeger, Istio's default demo tracers), W3C ({@code traceparent};
   * OpenTelemetry). Which headers Istio lists: istio.io {@code docs/tasks/observability/distributed-tracing/overview}.
   */
  private static final List<String> SINGLE_HEADER_CONTEXTS = List.of("b3", "traceparent");

  private final RequestTemplate template;
  private final boolean ignoreErrors;
  private final List<String> propagate;
  private final boolean passesTraceContext;
  private final long timeoutNanos;
  private final int retries;
  private final Map<RequestTemplate, RequestTemplate> derived = new IdentityHashMap<>();

  CallPlan(CallStep.Call call) {
    this.template = RequestTemplate.of(call.request());
    this.ignoreErrors = call.ignoreErrors();
    this.propagate = call.propagate() == null ? List.of() : call.propagate();
    this.passesTraceContext = passesTraceContext(propagate);
    this.timeoutNanos = call.timeoutNanos();
    this.retries = call.retries();
  }

  /** Whether {@code headers} carry a whole trace context of one of the known formats. */
  static boolean passesTraceContext(List<String> headers) {
    for (String h : SINGLE_HEADER_CONTEXTS) {
      if (headers.contains(h)) {
        return true;
      }
    }
    return headers.contains("x-b3-traceid") && headers.contains("x-b3-spanid");
  }

  boolean ignoreErrors() {
    return ignoreErrors;
  }

  boolean passesTraceContext() {
    return passesTraceContext;
  }

  long timeoutNanos() {
    return timeoutNanos;
  }

  int retries() {
    return retries;
  }

  /** The request this call sends while the app serves {@code served}. */
  RequestTemplate requestFor(Exchange served) {
    if (propagate.isEmpty()) {
      return template;
    }
    RequestTemplate in = served.request();
    RequestTemplate out = derived.get(in);
    if (out == null) {
      out = derive(in.spec().headers());
      derived.put(in, out);
    }
    return out;
  }

  private RequestTemplate derive(Map<String, String> servedHeaders) {
    Map<String, String> headers = new LinkedHashMap<>(template.spec().headers());
    boolean copied = false;
    for (String name : propagate) {
      String value = servedHeaders.get(name);
      if (value != null) {
        headers.put(name, value);
        copied = true;
      }
    }
    if (!copied) {
      return template;
    }
    HttpRequestSpec s = template.spec();
    return RequestTemplate.of(new HttpRequestSpec(s.authority(), s.host(), s.port(), s.method(), s.path(), headers));
  }
}

package dev.meshsim.scenario;

import dev.meshsim.app.HttpRequestSpec;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;

/** HTTP requests (of apps and load generators) and an app's call steps. */
final class RequestBinder {

  static final List<String> CALL_KEYS = List.of("target", "path", "method", "headers", "ignoreErrors",
      "propagate", "timeout", "retries");

  private final ServiceDirectory services;
  private final CallGraph graph;

  RequestBinder(ServiceDirectory services, CallGraph graph) {
    this.services = services;
    this.graph = graph;
  }

  /** The request fields of {@code m} (target, path, method, headers) for a caller in {@code namespace}. */
  HttpRequestSpec request(YamlMap m, String namespace) {
    ServiceDirectory.Target t = services.resolve(m.required("target"), namespace);
    return new HttpRequestSpec(t.authority(), t.host(), t.port(), Fields.httpMethod(m, "method"),
        Fields.httpPath(m, "path"), m.stringMap("headers", true));
  }

  /** The {@code calls} list of a Deployment of the Service {@code callerFqdn}. */
  List<CallStep> calls(YamlMap deployment, String namespace, String callerFqdn) {
    // The deployment's propagate is the default of each of its calls (the app's one header filter).
    List<String> propagate = AppCallBinder.propagate(deployment, "propagate", null);
    List<CallStep> steps = new ArrayList<>();
    for (YamlNode stepNode : deployment.list("calls")) {
      YamlMap step = stepNode.asMap();
      if (step.keys().contains("parallel")) {
        steps.add(parallel(step.allowOnly("parallel"), namespace, callerFqdn, propagate));
      } else {
        steps.add(call(step, namespace, callerFqdn, propagate));
      }
    }
    return steps;
  }

  private CallStep.Parallel parallel(YamlMap step, String namespace, String callerFqdn, List<String> propagate) {
    List<CallStep.Call> calls = new ArrayList<>();
    for (YamlNode callNode : step.required("parallel").asList().requireSize(1, "call").items()) {
      calls.add(call(callNode.asMap(), namespace, callerFqdn, propagate));
    }
    return new CallStep.Parallel(calls);
  }

  private CallStep.Call call(YamlMap m, String namespace, String callerFqdn, List<String> propagate) {
    m.allowOnly(CALL_KEYS);
    HttpRequestSpec request = request(m, namespace);
    graph.add(callerFqdn, request.host(), m.required("target"));
    return new CallStep.Call(request, m.bool("ignoreErrors", false), AppCallBinder.propagate(m, "propagate", propagate),
        AppCallBinder.timeout(m), AppCallBinder.retries(m));
  }
}

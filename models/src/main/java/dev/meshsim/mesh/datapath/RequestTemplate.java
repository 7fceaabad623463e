package dev.meshsim.mesh.datapath;

import dev.meshsim.mesh.routing.RequestAttributes;
import dev.meshsim.app.HttpRequestSpec;

/**
 * A request that a load generator or an app sends many times, with its routing attributes parsed
 * once.
 *
 * @param spec the request as written in the scenario
 * @param attributes what Envoy's route matching reads
 */
public record RequestTemplate(HttpRequestSpec spec, RequestAttributes attributes) {

  public static RequestTemplate of(HttpRequestSpec spec) {
    return new RequestTemplate(spec, RequestAttributes.of(spec));
  }
}

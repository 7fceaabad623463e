package dev.meshsim.istio;

/**
 * Istio's {@code Headers} of a route or a destination: operations on the request (applied by the
 * client sidecar before the request goes upstream) and on the response (applied before the answer
 * goes back to the app).
 */
public record Headers(HeaderOperations request, HeaderOperations response) {
  public static final Headers NONE = new Headers(HeaderOperations.NONE, HeaderOperations.NONE);

  public boolean isNone() {
    return request.isNone() && response.isNone();
  }
}

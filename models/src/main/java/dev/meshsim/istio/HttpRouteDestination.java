package dev.meshsim.istio;

/**
 * One weighted destination of a route.
 *
 * @param destination where to send
 * @param weight relative weight (Istio ≥1.15: need not sum to 100); 0 when unset
 * @param headers the destination's {@code headers} ({@link Headers#NONE} for none)
 */
public record HttpRouteDestination(Destination destination, int weight, Headers headers) {

  public HttpRouteDestination {
    headers = headers == null ? Headers.NONE : headers;
  }

  public HttpRouteDestination(Destination destination, int weight) {
    this(destination, weight, Headers.NONE);
  }
}

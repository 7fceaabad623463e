package dev.meshsim.istio;

/**
 * One weighted destination of a route.
 *
 * @param destination where to send
 * @param weight relative weight (Istio ≥1.15: need not sum to 100); 0 when unset
 */
public record HttpRouteDestination(Destination destination, int weight) {}

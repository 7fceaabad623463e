package dev.meshsim.istio;

import java.util.List;

/**
 * The Istio resources of a scenario, in the order they were read.
 *
 * @param virtualServices every VirtualService
 * @param destinationRules every DestinationRule
 */
public record IstioConfig(List<VirtualService> virtualServices, List<DestinationRule> destinationRules) {

  public static final IstioConfig EMPTY = new IstioConfig(List.of(), List.of());

  public IstioConfig {
    virtualServices = List.copyOf(virtualServices);
    destinationRules = List.copyOf(destinationRules);
  }
}

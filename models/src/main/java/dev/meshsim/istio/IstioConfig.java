package dev.meshsim.istio;

import java.util.List;

/**
 * The Istio resources of a scenario, in the order they were read.
 *
 * @param virtualServices every VirtualService
 * @param destinationRules every DestinationRule
 * @param serviceEntries every ServiceEntry
 * @param outboundPolicy {@code meshConfig.outboundTrafficPolicy.mode} (default {@code ALLOW_ANY})
 * @param gateways every {@code networking.istio.io} Gateway
 * @param sidecars every Sidecar resource
 * @param protocolDetection protocol sniffing for ports nothing declares (istiod switches, mesh timeout)
 * @param mtls PeerAuthentications and the mesh's auto mTLS and root namespace
 * @param serviceExports which namespaces see each Service ({@code networking.istio.io/exportTo})
 */
public record IstioConfig(List<VirtualService> virtualServices, List<DestinationRule> destinationRules,
    List<ServiceEntry> serviceEntries, OutboundTrafficPolicy outboundPolicy, List<Gateway> gateways,
    List<Sidecar> sidecars, ProtocolDetection protocolDetection, MtlsSettings mtls, ServiceExports serviceExports) {

  public static final IstioConfig EMPTY = new IstioConfig(List.of(), List.of());

  public IstioConfig {
    virtualServices = List.copyOf(virtualServices);
    destinationRules = List.copyOf(destinationRules);
    serviceEntries = List.copyOf(serviceEntries);
    gateways = List.copyOf(gateways);
    sidecars = List.copyOf(sidecars);
    if (outboundPolicy == null) {
      throw new IllegalArgumentException("outboundPolicy must not be null; use ALLOW_ANY");
    }
    if (mtls == null) {
      throw new IllegalArgumentException("mtls must not be null; use MtlsSettings.DEFAULT");
    }
    if (protocolDetection == null) {
      throw new IllegalArgumentException("protocolDetection must not be null; use ProtocolDetection.DEFAULT");
    }
    if (serviceExports == null) {
      throw new IllegalArgumentException("serviceExports must not be null; use ServiceExports.ALL");
    }
  }

  /** Every Service visible in every namespace (Istio's default {@code exportTo}). */
  public IstioConfig(List<VirtualService> virtualServices, List<DestinationRule> destinationRules,
      List<ServiceEntry> serviceEntries, OutboundTrafficPolicy outboundPolicy, List<Gateway> gateways,
      List<Sidecar> sidecars, ProtocolDetection protocolDetection, MtlsSettings mtls) {
    this(virtualServices, destinationRules, serviceEntries, outboundPolicy, gateways, sidecars, protocolDetection,
        mtls, ServiceExports.ALL);
  }

  /** Without Sidecar resources (every proxy sees the whole mesh), with Istio's default protocol detection. */
  public IstioConfig(List<VirtualService> virtualServices, List<DestinationRule> destinationRules,
      List<ServiceEntry> serviceEntries, OutboundTrafficPolicy outboundPolicy, List<Gateway> gateways) {
    this(virtualServices, destinationRules, serviceEntries, outboundPolicy, gateways, List.of(),
        ProtocolDetection.DEFAULT, MtlsSettings.DEFAULT);
  }

  /** VirtualServices and DestinationRules only, with Istio's default outbound policy. */
  public IstioConfig(List<VirtualService> virtualServices, List<DestinationRule> destinationRules) {
    this(virtualServices, destinationRules, List.of(), OutboundTrafficPolicy.ALLOW_ANY, List.of());
  }
}

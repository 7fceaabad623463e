package dev.meshsim.mesh.xds;

/**
 * One connected proxy's xDS sync state at an instant, as istiod's {@code /debug/syncz} reports it
 * (what {@code istioctl proxy-status} prints): the version istiod last sent of each type, and the
 * proxy's client, which holds the version of each type it applied and that config.
 *
 * @param pod the pod's name
 * @param namespace the pod's namespace
 * @param sent per {@link XdsType} ordinal, the version last sent, or {@link XdsClient#NONE}
 * @param client the proxy's xDS client (read it, never apply through it)
 */
public record ProxySync(String pod, String namespace, long[] sent, XdsClient client) {

  public ProxySync {
    sent = sent.clone();
  }

  /** The version istiod last sent of {@code type}, or {@link XdsClient#NONE}. */
  public long sent(XdsType type) {
    return sent[type.ordinal()];
  }
}

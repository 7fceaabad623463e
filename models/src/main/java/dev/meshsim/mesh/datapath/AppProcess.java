package dev.meshsim.mesh.datapath;

import dev.meshsim.app.FailureMode;

/** What a pod needs of the application process in it: hand it a request, kill it, make it misbehave. */
public interface AppProcess {
  /** A request reached the app (after its sidecar, if any). */
  void accept(Inbound request);

  /** The app died: everything it held loses its connection. */
  void abortAll();

  /** Switches how the app misbehaves from now on. */
  void setFailure(FailureMode mode);
}

package dev.meshsim.scenario;

import dev.meshsim.app.HttpRequestSpec;
import java.util.List;

/** One step of an app's downstream calls: a single call, or several made in parallel. */
public sealed interface CallStep {

  /** The calls of this step (one for a {@link Call}). */
  List<Call> calls();

  /**
   * One HTTP call. The app waits for its answer before the next step.
   *
   * @param request what is sent
   * @param ignoreErrors when false (the default) a non-2xx answer makes the app answer 500
   * @param propagate request headers the app copies from the request it serves into this call
   *     (lower-case names, in order), as Bookinfo's productpage copies {@code end-user} and the
   *     tracing headers; null when neither the call nor its deployment says (nothing is copied, and
   *     the scenario does not count traces)
   * @param timeoutNanos the app's own timeout for one attempt of this call (as a client library's
   *     {@code timeout=3.0} is), 0 for none (the default)
   * @param retries how many times the app tries again after an attempt fails (non-2xx or timed
   *     out), at once, with no backoff; 0 by default
   */
  record Call(HttpRequestSpec request, boolean ignoreErrors, List<String> propagate, long timeoutNanos,
      int retries) implements CallStep {

    public Call {
      propagate = propagate == null ? null : List.copyOf(propagate);
    }

    /** A call that copies no header and has no app-side timeout or retry (the original form). */
    public Call(HttpRequestSpec request, boolean ignoreErrors) {
      this(request, ignoreErrors, null, 0, 0);
    }

    @Override
    public List<Call> calls() {
      return List.of(this);
    }
  }

  /** Calls sent at once; the step ends when the last answer arrives. */
  record Parallel(List<Call> calls) implements CallStep {
    public Parallel {
      calls = List.copyOf(calls);
    }
  }
}

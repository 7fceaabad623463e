package dev.meshsim.scenario;

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
   */
  record Call(HttpRequestSpec request, boolean ignoreErrors) implements CallStep {
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

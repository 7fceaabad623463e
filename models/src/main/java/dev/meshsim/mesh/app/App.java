package dev.meshsim.mesh.app;

import dev.meshsim.mesh.datapath.AppProcess;
import dev.meshsim.mesh.datapath.MeshStats;
import dev.meshsim.mesh.datapath.Pod;
import dev.meshsim.mesh.datapath.Inbound;
import dev.meshsim.mesh.datapath.Exchange;
import dev.meshsim.engine.random.Distribution.Sampler;
import dev.meshsim.engine.random.RandomStream;
import dev.meshsim.scenario.CallStep;
import dev.meshsim.scenario.DeploymentSpec;
import dev.meshsim.app.FailureMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A pod's application: {@code workers} requests served at once, the rest waiting in FIFO order.
 * A worker is held for the whole request: its own service time, then its downstream calls step by
 * step (the calls of a parallel step at once), then the response.
 */
public final class App implements AppProcess {
  private final Pod pod;
  private final int workers;
  private final Sampler serviceTime;
  private final RandomStream errors;
  private FailureMode failure;
  private final List<Step> steps = new ArrayList<>();
  private final ArrayDeque<Inbound> queue = new ArrayDeque<>();
  // The requests in service, oldest first, as a list threaded through them (Serving.prev/next): a
  // LinkedHashSet cost an entry object and a hash per request (7% of bench-chain's bytes).
  private Serving oldest;
  private Serving newest;
  private final MeshStats stats;
  private final dev.meshsim.scenario.ListenAddress listenAddress;
  private int busy;

  /** One step of the call graph, its calls prepared once. */
  private record Step(List<CallPlan> calls) {}

  public App(Pod pod, DeploymentSpec spec, dev.meshsim.engine.random.RandomStreams streams) {
    this(pod, spec, streams, null);
  }

  /** An app whose served requests count in {@code stats}' trace counts (when it keeps them). */
  public App(Pod pod, DeploymentSpec spec, dev.meshsim.engine.random.RandomStreams streams, MeshStats stats) {
    this.pod = pod;
    this.stats = stats;
    this.listenAddress = spec.listenAddress();
    this.workers = spec.workers();
    String prefix = "pod/" + pod.name() + "/app/";
    this.serviceTime = spec.serviceTime().sampler(streams.stream(prefix + "service-time"));
    this.failure = spec.failure();
    this.errors = streams.stream(prefix + "errors");
    for (CallStep step : spec.calls()) {
      List<CallPlan> calls = new ArrayList<>();
      for (CallStep.Call call : step.calls()) {
        calls.add(new CallPlan(call));
      }
      steps.add(new Step(calls));
    }
  }

  /** Switches how the app misbehaves from now on (the timeline's {@code failure} action). */
  public void setFailure(FailureMode mode) {
    this.failure = mode;
  }

  FailureMode failure() {
    return failure;
  }

  /**
   * A request reached the app (after its sidecar, if any). An app that refuses connections, or
   * listens on another address than the one requests arrive at ({@code listenAddress}), never
   * sees it: the server sidecar's connect to it fails and the sidecar answers 503 itself (after
   * its inbound retries, which are immediate), so the client gets a 503 from upstream.
   */
  public void accept(Inbound request) {
    if (stats != null && !request.retriedConnect()) {
      stats.recordSpan(request.caller());
    }
    if (failure.refuseConnections() || !listenAddress.reachableAt(arrivesOnLoopback())) {
      request.refused();
      return;
    }
    if (busy < workers) {
      start(request);
    } else {
      queue.addLast(request);
    }
  }

  /**
   * Whether requests reach the app on 127.0.0.1: through its sidecar before Istio 1.10; otherwise
   * (Istio 1.10 on, or no sidecar: kube-proxy or a client's sidecar connects) on the pod IP.
   */
  private boolean arrivesOnLoopback() {
    return pod.sidecar() != null && !pod.sidecar().inboundToPodIp();
  }

  private void start(Inbound request) {
    busy++;
    long work = Math.max(0, Math.round(serviceTime.sample() * failure.slowdown()));
    Serving serving = new Serving(request);
    link(serving);
    serving.timer = pod.sim().schedule(work, serving); // fires serving.nextStep()
  }

  /**
   * The app is done with a request. A reset drops the connection before any response; the server
   * sidecar turns it into a 503 for the client. Otherwise the app answers {@code errorCode} at
   * {@code errorRate}, 500 if a call failed, else 200.
   */
  private void finish(Serving serving, boolean callFailed) {
    unlink(serving);
    FailureMode f = failure;
    if (f.resetRate() > 0 && errors.nextDouble() < f.resetRate()) {
      serving.request.appReset();
    } else if (f.errorRate() > 0 && errors.nextDouble() < f.errorRate()) {
      serving.request.respond(f.errorCode());
    } else {
      serving.request.respond(callFailed ? 500 : 200);
    }
    busy--;
    if (!queue.isEmpty()) {
      start(queue.pollFirst());
    }
  }

  /**
   * The app died (its pod was killed): every request it held, queued or in service, loses its
   * connection. Calls it was waiting on still end, but their answers go nowhere.
   */
  public void abortAll() {
    Serving serving = oldest;
    oldest = null;
    newest = null;
    while (serving != null) {
      Serving next = serving.next;
      serving.prev = null;
      serving.next = null;
      pod.sim().cancel(serving.timer);
      serving.aborted = true;
      serving.request.reset();
      serving = next;
    }
    queue.forEach(Inbound::reset);
    queue.clear();
    busy = 0;
  }

  private void link(Serving serving) {
    serving.prev = newest;
    if (newest == null) {
      oldest = serving;
    } else {
      newest.next = serving;
    }
    newest = serving;
  }

  private void unlink(Serving serving) {
    if (serving.prev == null) {
      oldest = serving.next;
    } else {
      serving.prev.next = serving.next;
    }
    if (serving.next == null) {
      newest = serving.prev;
    } else {
      serving.next.prev = serving.prev;
    }
    serving.prev = null;
    serving.next = null;
  }

  /**
   * Progress of one request through the call graph; also its own event, the end of the app's
   * service time (saves the method-reference object per request).
   */
  private final class Serving implements dev.meshsim.engine.Event {
    private final Inbound request;
    private Serving prev;
    private Serving next;
    private long timer = dev.meshsim.engine.Simulation.NO_TIMER;
    private int nextStep;
    private int outstanding;
    private boolean failed;
    private boolean aborted;

    Serving(Inbound request) {
      this.request = request;
    }

    @Override
    public void fire() {
      nextStep();
    }

    void nextStep() {
      if (aborted) {
        return;
      }
      if (nextStep == steps.size()) {
        finish(this, failed);
        return;
      }
      Step step = steps.get(nextStep++);
      outstanding = step.calls().size();
      for (CallPlan plan : step.calls()) {
        new CallRun(this, plan).send();
      }
    }

    void onCallDone(boolean succeeded, boolean ignoreErrors) {
      if (!succeeded && !ignoreErrors) {
        failed = true;
      }
      if (--outstanding == 0) {
        nextStep();
      }
    }
  }

  /**
   * One call made while serving, attempt by attempt. With an app-side timeout the app gives up on
   * an attempt when it fires and closes the connection (its client sidecar resets the request,
   * {@code 0 DC} in its stats, while the server works on); a failed or timed-out attempt is tried
   * again at once while retries remain, as Bookinfo's productpage does (3 s, one retry).
   */
  private final class CallRun implements Exchange.ResponseHandler {
    private final Serving serving;
    private final CallPlan plan;
    private int retriesLeft;
    private Exchange current;
    private long timer = dev.meshsim.engine.Simulation.NO_TIMER;

    CallRun(Serving serving, CallPlan plan) {
      this.serving = serving;
      this.plan = plan;
      this.retriesLeft = plan.retries();
    }

    void send() {
      Exchange served = serving.request.caller();
      current = new Exchange(plan.requestFor(served), pod, pod.sim().now(), this, served, plan.passesTraceContext());
      if (plan.passesRequestId()) {
        current.inheritRequestId(served);
      }
      if (plan.timeoutNanos() > 0) {
        timer = pod.sim().schedule(plan.timeoutNanos(), this::onTimeout);
      }
      pod.send(current);
    }

    @Override
    public void onResponse(Exchange call) {
      if (serving.aborted) {
        return;
      }
      pod.sim().cancel(timer);
      if (!call.succeeded() && retriesLeft > 0) {
        retriesLeft--;
        send();
        return;
      }
      serving.onCallDone(call.succeeded(), plan.ignoreErrors());
    }

    private void onTimeout() {
      timer = dev.meshsim.engine.Simulation.NO_TIMER;
      current.abandon();
      if (serving.aborted) {
        return;
      }
      if (retriesLeft > 0) {
        retriesLeft--;
        send();
        return;
      }
      serving.onCallDone(false, plan.ignoreErrors());
    }
  }
}

package dev.meshsim.mesh.upstream;

import dev.meshsim.engine.Simulation;

/**
 * One upstream connection from a sidecar worker to a host, and its state as its pool moves it
 * through connecting, ready, busy, idle and closed. Only the pool changes it, through these methods.
 */
public final class Connection {
  private final ConnPool pool;
  private boolean connected;
  private int activeStreams;
  /** Streams this connection may still carry ({@code max_requests_per_connection}); -1 unlimited. */
  private int remainingStreams;
  /** The connect outcome or connect timeout, while connecting. */
  private long timer = Simulation.NO_TIMER;
  /** When the connection last became idle (no active stream). */
  private long idleSince;
  /** Whether an idle check is scheduled; it re-arms itself rather than being cancelled on reuse. */
  private boolean idleCheckArmed;
  private boolean closed;
  /** Whether its pool holds it in its list of ready connections (the pool's bookkeeping). */
  private boolean inReadyList;
  /** Which connection of its pool this is (1, 2 …): the access log derives its local port from it. */
  private final int serial;

  Connection(ConnPool pool, int maxRequestsPerConnection, int serial) {
    this.pool = pool;
    this.serial = serial;
    this.remainingStreams = maxRequestsPerConnection == 0 ? -1 : maxRequestsPerConnection;
  }

  ConnPool pool() {
    return pool;
  }

  boolean inReadyList() {
    return inReadyList;
  }

  void setInReadyList(boolean in) {
    inReadyList = in;
  }

  /** Which connection of its pool this is, counted from 1 in the order they were opened. */
  public int serial() {
    return serial;
  }

  boolean hasCapacity(int streamsPerConnection) {
    return connected && !closed && activeStreams < streamsPerConnection && remainingStreams != 0;
  }

  int activeStreams() {
    return activeStreams;
  }

  boolean closed() {
    return closed;
  }

  /** Whether it may carry no more streams ({@code max_requests_per_connection} reached). */
  boolean exhausted() {
    return remainingStreams == 0;
  }

  /** A stream attached; returns whether that used the connection's last allowed stream. */
  boolean streamAttached() {
    activeStreams++;
    return remainingStreams > 0 && --remainingStreams == 0;
  }

  void streamDone() {
    activeStreams--;
  }

  /** The handshake (or its timeout) is due; {@code handle} is the timer to cancel on close. */
  void connecting(long handle) {
    timer = handle;
  }

  void connected() {
    connected = true;
    timer = Simulation.NO_TIMER;
  }

  void connectFailed() {
    timer = Simulation.NO_TIMER;
  }

  /** Closes it; returns the pending connect timer to cancel, or nothing if it was closed already. */
  long close() {
    if (closed) {
      return Long.MIN_VALUE;
    }
    closed = true;
    return timer;
  }

  /** It became idle at {@code now}; returns whether an idle check must be armed (none is yet). */
  boolean becameIdle(long now) {
    idleSince = now;
    if (idleCheckArmed) {
      return false;
    }
    idleCheckArmed = true;
    return true;
  }

  /** An idle check fired: the check is no longer armed. */
  void idleCheckFired() {
    idleCheckArmed = false;
  }

  /** The check re-armed for the rest of the interval. */
  void idleCheckRearmed() {
    idleCheckArmed = true;
  }

  long idleSince() {
    return idleSince;
  }
}

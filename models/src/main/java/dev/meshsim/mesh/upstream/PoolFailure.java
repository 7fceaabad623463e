package dev.meshsim.mesh.upstream;

/** Why a connection pool could not give a stream a connection (Envoy's {@code PoolFailureReason}). */
public enum PoolFailure {
  /** A circuit breaker ({@code max_pending_requests} or {@code max_requests}) was full: UO. */
  OVERFLOW,
  /** The connect was refused or the host is unreachable: UF. */
  CONNECTION_FAILURE,
  /** The connect did not finish within {@code connectTimeout}: UF. */
  TIMEOUT
}

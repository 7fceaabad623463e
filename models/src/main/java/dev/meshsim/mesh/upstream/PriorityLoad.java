package dev.meshsim.mesh.upstream;

import java.util.Arrays;

/**
 * Envoy's split of requests between priorities and its per-priority panic mode ({@code
 * source/extensions/load_balancing_policies/common/load_balancer_impl.cc}, {@code
 * recalculatePerPriorityState}, {@code recalculatePerPriorityPanic}, {@code
 * recalculateLoadInTotalPanic}; docs {@code arch_overview/upstream/load_balancing/priority} and
 * {@code panic_threshold}). Degraded hosts are not modelled (Istio's outlier detection only ejects).
 *
 * <ul>
 *   <li>A priority's availability is {@code min(100, 140 × healthy / hosts)} in integer percent
 *       (overprovisioning factor 1.4, Envoy's default, which Istio keeps).
 *   <li>The normalized total availability is the sum over priorities, capped at 100. Each priority
 *       in order takes {@code availability × 100 / total} of what is left; rounding leftovers go to
 *       the first priority with any availability. So P0 at 72% healthy keeps 100%; at 50% healthy
 *       it gets 70% and P1 the rest; below 100% total the shares are scaled up to sum to 100.
 *   <li>A priority is in panic (its balancer uses all its hosts) only when the total is below 100
 *       and its healthy share is below the panic threshold. If every priority is in panic, the load
 *       follows the host counts. A threshold of 0 never panics: with nothing healthy, P0 gets 100%
 *       and finds no host ({@code 503 UH}).
 * </ul>
 */
final class PriorityLoad {
  /** Envoy's {@code kDefaultOverProvisioningFactor}, in percent. */
  static final int OVERPROVISIONING_FACTOR = 140;

  private PriorityLoad() {}

  /**
   * Fills {@code load} (percent per priority, summing to 100) and {@code panic} from the host
   * counts. No allocation: this runs whenever a host is ejected or comes back.
   *
   * @param hosts hosts per priority
   * @param healthy healthy (not ejected) hosts per priority
   * @param panicThresholdPercent the cluster's {@code healthy_panic_threshold}
   */
  static void compute(int[] hosts, int[] healthy, double panicThresholdPercent, int[] load, boolean[] panic) {
    Arrays.fill(load, 0);
    Arrays.fill(panic, false);
    int total = 0;
    for (int p = 0; p < hosts.length; p++) {
      total += availability(hosts[p], healthy[p]);
    }
    total = Math.min(100, total);
    if (total > 0) {
      distribute(hosts, healthy, total, load);
    }
    double threshold = Math.min(100, panicThresholdPercent);
    if (threshold <= 0 && total == 0) {
      load[0] = 100; // no priority panics, and none has a healthy host
      return;
    }
    boolean totalPanic = true;
    for (int p = 0; p < hosts.length; p++) {
      panic[p] = total < 100 && healthyPercent(hosts[p], healthy[p]) < threshold;
      totalPanic &= panic[p];
    }
    if (totalPanic) {
      loadByHostCount(hosts, load);
    }
  }

  /** {@code min(100, 140 × healthy / hosts)}, integer arithmetic as in Envoy; 0 without hosts. */
  static int availability(int hosts, int healthy) {
    return hosts == 0 ? 0 : Math.min(100, OVERPROVISIONING_FACTOR * healthy / hosts);
  }

  private static double healthyPercent(int hosts, int healthy) {
    return hosts == 0 ? 0 : 100.0 * healthy / hosts;
  }

  /** Envoy's {@code distributeLoad} over healthy availability, then the rounding leftover. */
  private static void distribute(int[] hosts, int[] healthy, int total, int[] load) {
    int left = 100;
    int first = -1;
    for (int p = 0; p < hosts.length; p++) {
      int a = availability(hosts[p], healthy[p]);
      if (first < 0 && a > 0) {
        first = p;
      }
      load[p] = Math.min(left, a * 100 / total);
      left -= load[p];
    }
    load[first] += left;
  }

  /** {@code recalculateLoadInTotalPanic}: shares by host count, leftover to the first non-empty. */
  private static void loadByHostCount(int[] hosts, int[] load) {
    int all = 0;
    for (int h : hosts) {
      all += h;
    }
    Arrays.fill(load, 0);
    if (all == 0) {
      load[0] = 100;
      return;
    }
    int left = 100;
    int first = -1;
    for (int p = 0; p < hosts.length; p++) {
      if (first < 0 && hosts[p] > 0) {
        first = p;
      }
      load[p] = 100 * hosts[p] / all;
      left -= load[p];
    }
    load[first] += left;
  }

  /**
   * Envoy's {@code choosePriority}: the first priority whose cumulative load reaches {@code draw}.
   *
   * @param draw in 1..100 ({@code hash % 100 + 1})
   */
  static int choose(int[] load, int draw) {
    int cumulative = 0;
    for (int p = 0; p < load.length; p++) {
      cumulative += load[p];
      if (draw <= cumulative) {
        return p;
      }
    }
    return 0; // unreachable: the loads sum to 100
  }
}

package dev.meshsim.plan;

import dev.meshsim.scenario.Arrival;
import dev.meshsim.scenario.LoadSpec;
import dev.meshsim.scenario.Scenario;

/**
 * The offered load of one load generator, the parameter of {@code max-rate}. An open-loop load
 * (Poisson or constant) moves on a geometric lattice around the scenario's own rate, {@code rate(k)
 * = rate0·(1+precision)^k}, so neighbouring keys are one precision step apart and a search that
 * ends with adjacent keys has bracketed the answer to the precision; a closed-loop load moves over
 * whole connection counts, {@code connections(k) = k}.
 */
public final class LoadRate implements Parameter {
  /** Without --range, the search stays within 2^10 of the scenario's own rate. */
  private static final int DEFAULT_DOUBLINGS = 10;
  private static final long MAX_CONNECTIONS = 1 << 16;

  private final Scenario base;
  private final LoadSpec load;
  private final double precision;
  private final boolean closed;
  private final double base0;
  private final long doubling;
  private final long min;
  private final long max;

  private LoadRate(Scenario base, LoadSpec load, double precision, Range range) {
    this.base = base;
    this.load = load;
    this.precision = precision;
    this.closed = load.arrival() instanceof Arrival.Connections;
    this.base0 = baseValue(load.arrival());
    this.doubling = closed ? 0 : (long) Math.ceil(Math.log(2) / Math.log1p(precision));
    if (range == null) {
      min = closed ? 1 : -DEFAULT_DOUBLINGS * doubling;
      max = closed ? MAX_CONNECTIONS : DEFAULT_DOUBLINGS * doubling;
    } else if (closed) {
      min = (long) Math.ceil(range.lo());
      max = (long) Math.floor(range.hi());
    } else {
      min = (long) Math.ceil(Math.log(range.lo() / base0) / Math.log1p(precision) - 1e-9);
      max = (long) Math.floor(Math.log(range.hi() / base0) / Math.log1p(precision) + 1e-9);
    }
    if (min > max) {
      throw new PlanInputException("--range " + Estimate.plain(range.lo()) + ".." + Estimate.plain(range.hi())
          + " holds no " + (closed ? "whole number of connections" : "rate of the search's lattice ("
          + Estimate.plain(base0) + "/s times powers of 1+" + Estimate.plain(precision) + ")") + "; widen it.");
    }
  }

  /**
   * The rate of load {@code loadName} of {@code base} ({@code null}: the scenario's only load).
   *
   * @param precision the relative step of the lattice, e.g. 0.02
   * @param range bounds of the search in requests/s (connections for a closed loop), or null
   */
  public static LoadRate of(Scenario base, String loadName, double precision, Range range) {
    if (!(precision > 0 && precision < 1)) {
      throw new PlanInputException("--precision must be above 0% and below 100%.");
    }
    return new LoadRate(base, Loads.find(base, loadName, "max-rate"), precision, range);
  }

  @Override
  public String describe() {
    return (closed ? "connections of load " : "arrival rate of load ") + load.name();
  }

  @Override
  public String unit() {
    return closed ? "connections" : "requests/s";
  }

  @Override
  public Scenario at(long key) {
    Arrival arrival;
    if (load.arrival() instanceof Arrival.Connections c) {
      arrival = new Arrival.Connections((int) key, c.qpsPerConnection());
    } else if (load.arrival() instanceof Arrival.Constant) {
      arrival = new Arrival.Constant(rate(key));
    } else {
      arrival = new Arrival.Poisson(rate(key));
    }
    return base.withLoad(new LoadSpec(load.name(), load.namespace(), load.labels(), load.request(), arrival,
        load.maxRequests(), load.sidecar(), load.locality()));
  }

  private static double baseValue(Arrival arrival) {
    if (arrival instanceof Arrival.Connections c) {
      return c.connections();
    }
    return arrival instanceof Arrival.Constant c ? c.perSecond() : ((Arrival.Poisson) arrival).perSecond();
  }

  private double rate(long key) {
    return base0 * StrictMath.pow(1 + precision, key);
  }

  @Override
  public Object value(long key) {
    return closed ? (Object) key : (Object) rate(key);
  }

  @Override
  public String label(long key) {
    return closed ? Long.toString(key) : Numbers.round(rate(key)).toPlainString();
  }

  @Override
  public double numeric(long key) {
    return closed ? key : rate(key);
  }

  /** The key of the scenario's own load, clamped into the range. */
  long start() {
    return Math.max(min, Math.min(max, closed ? (long) base0 : 0));
  }

  /** The lowest key the search may visit. */
  public long min() {
    return min;
  }

  /** The highest key the search may visit. */
  public long max() {
    return max;
  }

  /** About twice the load: the step of the exponential search. */
  long up(long key) {
    return Math.min(max, closed ? key * 2 : key + doubling);
  }

  /** About half the load. */
  long down(long key) {
    return Math.max(min, closed ? key / 2 : key - doubling);
  }
}

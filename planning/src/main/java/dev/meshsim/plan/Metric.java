package dev.meshsim.plan;

/**
 * A number one replication yields for the requests an SLO reads. Latencies are in milliseconds,
 * error and flag fractions in percent, throughput in requests per second of measured time.
 */
public sealed interface Metric {

  /** The key users write and reports print: {@code p99}, {@code p99.9}, {@code mean}, {@code errors}, {@code flag:UO}, {@code throughput}. */
  String key();

  /** The unit of {@link #of}: {@code ms}, {@code %} or {@code /s}. */
  String unit();

  /** Whether a larger value is worse (latency, errors); false for throughput. */
  boolean higherIsWorse();

  /** The value of one replication. */
  double of(Sample.Measured sample);

  /** A latency percentile of the requests, in ms. */
  record Percentile(double percentile) implements Metric {
    @Override
    public String key() {
      return "p" + Estimate.plain(percentile);
    }

    @Override
    public String unit() {
      return "ms";
    }

    @Override
    public boolean higherIsWorse() {
      return true;
    }

    @Override
    public double of(Sample.Measured s) {
      return s.percentileNanos(percentile) / 1e6;
    }
  }

  /** Mean latency, in ms. */
  record Mean() implements Metric {
    @Override
    public String key() {
      return "mean";
    }

    @Override
    public String unit() {
      return "ms";
    }

    @Override
    public boolean higherIsWorse() {
      return true;
    }

    @Override
    public double of(Sample.Measured s) {
      return s.meanNanos() / 1e6;
    }
  }

  /** Requests answered with anything but 2xx, in percent of the requests. */
  record Errors() implements Metric {
    @Override
    public String key() {
      return "errors";
    }

    @Override
    public String unit() {
      return "%";
    }

    @Override
    public boolean higherIsWorse() {
      return true;
    }

    @Override
    public double of(Sample.Measured s) {
      return percent(s.sample().non2xx(), s.sample().requests());
    }
  }

  /** Requests whose Envoy response flags include {@code flag}, in percent of the requests. */
  record Flag(String flag) implements Metric {
    @Override
    public String key() {
      return "flag:" + flag;
    }

    @Override
    public String unit() {
      return "%";
    }

    @Override
    public boolean higherIsWorse() {
      return true;
    }

    @Override
    public double of(Sample.Measured s) {
      return percent(s.sample().flags().getOrDefault(flag, 0L), s.sample().requests());
    }
  }

  /** Counted requests per second of the measured window (fortio's "actual qps"). */
  record Throughput() implements Metric {
    @Override
    public String key() {
      return "throughput";
    }

    @Override
    public String unit() {
      return "/s";
    }

    @Override
    public boolean higherIsWorse() {
      return false;
    }

    @Override
    public double of(Sample.Measured s) {
      return s.sample().requests() / s.sample().measuredSeconds();
    }
  }

  /** With no request at all, nothing failed: 0%. */
  private static double percent(long part, long whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }
}

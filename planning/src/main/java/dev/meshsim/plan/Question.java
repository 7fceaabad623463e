package dev.meshsim.plan;

/** The three questions {@code meshsim plan} answers, by the subcommand names users type. */
public enum Question {
  /** The highest arrival rate (or connection count) of a load that meets the SLO. */
  MAX_RATE("max-rate"),
  /** The fewest replicas of a Deployment that meet the SLO. */
  MIN_REPLICAS("min-replicas"),
  /** Every point of a grid of scenario values. */
  SWEEP("sweep");

  private final String command;

  Question(String command) {
    this.command = command;
  }

  public String command() {
    return command;
  }
}

package dev.meshsim.plan;

import java.util.Arrays;
import java.util.List;

/**
 * One {@code --set PATH=V1,V2,…} of a sweep: a scenario field path and the values it takes.
 *
 * @param argument the argument as given, for messages
 * @param path the field path, e.g. {@code services[0].deployments[0].replicas}
 * @param values the values, in order
 */
public record SetArgument(String argument, String path, List<String> values) {

  public SetArgument {
    values = List.copyOf(values);
  }

  public static SetArgument parse(String argument) {
    int eq = argument.indexOf('=');
    if (eq <= 0) {
      throw new PlanInputException("--set '" + argument + "': expected PATH=V1,V2,… such as"
          + " 'istio[0].spec.trafficPolicy.connectionPool.http.http1MaxPendingRequests=1,2,4'.");
    }
    List<String> values = Arrays.stream(argument.substring(eq + 1).split(",", -1)).map(String::trim).toList();
    if (values.stream().anyMatch(String::isEmpty)) {
      throw new PlanInputException("--set '" + argument + "': a value is empty; give one or more values"
          + " separated by commas.");
    }
    return new SetArgument(argument, argument.substring(0, eq).trim(), values);
  }
}

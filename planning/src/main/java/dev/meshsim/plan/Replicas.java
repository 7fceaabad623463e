package dev.meshsim.plan;

import dev.meshsim.scenario.DeploymentSpec;
import dev.meshsim.scenario.Scenario;
import dev.meshsim.scenario.ServiceSpec;
import java.util.ArrayList;
import java.util.List;

/** The replica count of one Deployment, the parameter of {@code min-replicas}; the key is the count. */
public final class Replicas implements Parameter {
  private final Scenario base;
  private final DeploymentSpec deployment;

  private Replicas(Scenario base, DeploymentSpec deployment) {
    this.base = base;
    this.deployment = deployment;
  }

  public static Replicas of(Scenario base, String name) {
    List<String> names = new ArrayList<>();
    for (ServiceSpec s : base.services()) {
      for (DeploymentSpec d : s.deployments()) {
        if (d.name().equals(name)) {
          return new Replicas(base, d);
        }
        names.add(d.name());
      }
    }
    throw new PlanInputException("--deployment " + name + ": the scenario has no Deployment of that name;"
        + " its Deployments are " + String.join(", ", names) + ".");
  }

  @Override
  public String describe() {
    return "replicas of " + deployment.name();
  }

  @Override
  public String unit() {
    return "replicas";
  }

  @Override
  public Scenario at(long key) {
    return base.withDeployment(new DeploymentSpec(deployment.name(), deployment.labels(), (int) key,
        deployment.workers(), deployment.serviceTime(), deployment.failure(), deployment.calls(),
        deployment.locality(), deployment.listenAddress(), deployment.sidecar()));
  }

  @Override
  public Object value(long key) {
    return key;
  }

  @Override
  public String label(long key) {
    return Long.toString(key);
  }

  @Override
  public double numeric(long key) {
    return key;
  }
}

package dev.meshsim.scenario;

import dev.meshsim.timeline.TimelineEvent.DeploymentRef;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import dev.meshsim.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the scenario's Deployments by the names the timeline and lifecycle blocks give them; an
 * unknown name fails with the list of those that exist.
 */
final class DeploymentLookup {
  private final List<ServiceSpec> services;

  DeploymentLookup(List<ServiceSpec> services) {
    this.services = services;
  }

  /** {@code deployment} (and {@code namespace}, default {@code default}) naming a Deployment. */
  DeploymentRef ref(YamlMap m) {
    YamlNode nameNode = m.required("deployment");
    String name = nameNode.asString();
    String namespace = m.string("namespace", "default");
    for (ServiceSpec s : services) {
      for (DeploymentSpec d : s.deployments()) {
        if (d.name().equals(name) && s.namespace().equals(namespace)) {
          return new DeploymentRef(namespace, name);
        }
      }
    }
    throw nameNode.fail("no deployment " + YamlScalar.quote(name) + " in namespace " + namespace
        + "; deployments: " + names());
  }

  /** The Service of the Deployment named {@code key} ({@code name} or {@code namespace/name}). */
  ServiceSpec serviceOf(YamlNode at, String key) {
    String namespace = key.contains("/") ? key.substring(0, key.indexOf('/')) : null;
    String name = key.contains("/") ? key.substring(key.indexOf('/') + 1) : key;
    List<ServiceSpec> found = new ArrayList<>();
    for (ServiceSpec s : services) {
      for (DeploymentSpec d : s.deployments()) {
        if (d.name().equals(name) && (namespace == null || s.namespace().equals(namespace))) {
          found.add(s);
        }
      }
    }
    if (found.isEmpty()) {
      throw at.fail("no deployment " + YamlScalar.quote(key) + "; deployments: " + names());
    }
    if (found.size() > 1) {
      throw at.fail("deployment " + name + " exists in several namespaces; write namespace/" + name);
    }
    return found.get(0);
  }

  private String names() {
    List<String> names = new ArrayList<>();
    for (ServiceSpec s : services) {
      for (DeploymentSpec d : s.deployments()) {
        names.add(s.namespace().equals("default") ? d.name() : s.namespace() + "/" + d.name());
      }
    }
    return String.join(", ", names);
  }
}

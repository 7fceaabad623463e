package dev.meshsim.testkit;

import java.util.List;
import java.util.function.Predicate;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * For a property that must fail: passes when jqwik finds a counterexample and its shrunk sample
 * satisfies the check the subclass gives; fails when none is found. Lets the build show a real
 * counterexample, shrunk, without failing.
 */
abstract class ExpectCounterexample implements AroundPropertyHook {
  /** The last shrunk sample, for tests that print it. */
  static volatile List<Object> lastShrunk;

  abstract Predicate<List<Object>> expected();

  @Override
  public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
    PropertyExecutionResult result = property.execute();
    if (result.status() != PropertyExecutionResult.Status.FAILED) {
      return result.mapToFailed("expected a counterexample, found none in " + result.countTries() + " tries");
    }
    List<Object> shrunk = result.falsifiedParameters().orElseThrow();
    lastShrunk = shrunk;
    System.out.println(context.label() + ": shrunk counterexample " + shrunk);
    return expected().test(shrunk)
        ? result.mapToSuccessful()
        : result.mapToFailed("the shrunk counterexample is not the expected one: " + shrunk);
  }
}

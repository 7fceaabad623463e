package dev.meshsim.testkit;

/**
 * One {@code http[]} entry of a VirtualService: the unit of route coverage.
 *
 * @param namespace the VirtualService's namespace
 * @param virtualService its name
 * @param index the entry's position in {@code http[]}
 * @param name the entry's {@code name}, or null
 */
public record RouteRule(String namespace, String virtualService, int index, String name) {

  /** {@code default/reviews http[0] "jason-to-v3"}, as coverage lists it. */
  public String describe() {
    return namespace + "/" + virtualService + " http[" + index + "]" + (name == null ? "" : " \"" + name + "\"");
  }
}

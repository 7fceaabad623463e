/**
 * A plan's result as users read it: the JSON file ({@link dev.meshsim.plan.output.PlanJson}) and the
 * text table ({@link dev.meshsim.plan.output.PlanTable}). Reads {@code PlanResult} only; numbers are
 * rounded in decimal to six significant digits so that the bytes are the same on every JVM.
 */
package dev.meshsim.plan.output;

/**
 * The generic discrete-event kernel: simulated time in nanoseconds, a (time, sequence)-ordered event
 * queue with O(1) cancellation, and run control. It knows nothing of what is simulated.
 *
 * <pre>{@code
 * Simulation sim = new Simulation();
 * sim.schedule(1_000_000, () -> System.out.println("1 ms passed at " + sim.now()));
 * long timer = sim.schedule(5_000_000, () -> System.out.println("never"));
 * sim.cancel(timer);
 * sim.runUntilIdle();
 * }</pre>
 */
package dev.meshsim.engine;

/**
 * What runs in the pods: {@link dev.meshsim.mesh.app.App}, an application with workers, a FIFO
 * queue, a service time and a call graph whose calls ({@code CallPlan}) copy headers of the served
 * request and have the app's own timeout and retries, and {@link dev.meshsim.mesh.app.LoadGenerator},
 * fortio in its own client pod (open or closed loop).
 *
 * <p>May use the data path ({@code mesh.datapath}: pods, exchanges, stats), the scenario records,
 * the app's records ({@code dev.meshsim.app}) and the engine. The data path reaches an app only
 * through {@code datapath.AppProcess}.
 */
package dev.meshsim.mesh.app;

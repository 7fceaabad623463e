/**
 * Route tests as files ({@code meshsim check}): the test-file shape of Envoy's {@code
 * router_check_tool} ({@code test/tools/router_check/validation.proto}: {@code tests[]} of {@code
 * test_name}, {@code input}, {@code validate}), extended with the client workload, the expected
 * local reply and an optional {@code simulate} block of rate bounds; the runner and its route
 * coverage. Parsing is positioned: every problem names file, line, column and field path.
 *
 * <p>May use: the kit's public API ({@link dev.meshsim.testkit.MeshPolicies} and its records),
 * models' {@code yaml}, {@code scenario} and {@code result} packages.
 */
package dev.meshsim.testkit.check;

/**
 * The {@code meshsim} command line (picocli): thin commands that load input, call the model, the
 * planner, the test kit or the reports, and write files. {@link dev.meshsim.cli.Main} maps failures
 * to exit codes (0 done, 1 an internal error, 2 bad input; {@code plan} 3 when no value meets the
 * SLO, {@code analyze} 79 on errors as istioctl does, {@code check} and {@code diff} 1 for a failed
 * test or a difference, as router_check_tool and diff(1) do) and prints errors as one escaped
 * paragraph, with a stack trace only under {@code --verbose}.
 *
 * <ul>
 *   <li>Commands: {@code RunCommand} (with {@code ReportOutputs} for {@code --html}, {@code --csv},
 *       {@code --hgrm}, {@code --fortio-json}, {@code --prometheus}, {@code --access-log}, and
 *       {@code Progress}), {@code PlanCommand} and its questions ({@code PlanMaxRate}, {@code
 *       PlanMinReplicas}, {@code PlanSweep}, run by {@code PlanExecution}), {@code MergeCommand},
 *       {@code CheckCommand}, {@code AnalyzeCommand}, {@code DiffCommand}.
 *   <li>Writing files safely: {@code OutputFiles} (never an input, only files carrying meshsim's
 *       mark, checked before the run; every command's outputs, the plan's included) and {@code
 *       AtomicFile} (a temporary file moved into place).
 * </ul>
 *
 * <p>May use every other module; nothing depends on it.
 */
package dev.meshsim.cli;

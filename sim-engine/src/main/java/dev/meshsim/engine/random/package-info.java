/**
 * Randomness for the engine: {@link dev.meshsim.engine.random.RandomStreams} derives one stream per
 * name from the run's seed, and {@link dev.meshsim.engine.random.Distribution} turns a stream into
 * samples of a commons-math3 distribution or of an empirical one built from percentiles.
 */
package dev.meshsim.engine.random;

/**
 * Text safety shared by every module that prints: {@link dev.meshsim.text.SafeText} is the one
 * escaping function for untrusted strings (from scenarios, manifests or the command line) on a
 * terminal or in a text file. The CLI applies it to errors and warnings, the reports module to its
 * text summary. Lives in the {@code results} module, at the bottom with the result records, and
 * depends on nothing but the JDK, so any module may use it.
 */
package dev.meshsim.text;

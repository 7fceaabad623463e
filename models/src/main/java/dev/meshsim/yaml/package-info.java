/**
 * Reading YAML input into positioned trees: {@link dev.meshsim.yaml.SourceFiles} is the one way a
 * run reads an input file (regular files only, within {@link dev.meshsim.yaml.ReadLimits}, UTF-8,
 * recorded so that no output may replace it); {@link dev.meshsim.yaml.YamlReader} parses text into
 * {@link dev.meshsim.yaml.YamlNode}s that know their file, line, column and field path, counting
 * nesting and alias-expanded values as it goes. Binders use the typed accessors of the nodes, which
 * report problems as {@link dev.meshsim.yaml.YamlException}s in meshsim's words.
 *
 * <p>Uses Jackson's streaming YAML parser (and, through it, SnakeYAML's events) and nothing of the
 * rest of meshsim.
 */
package dev.meshsim.yaml;

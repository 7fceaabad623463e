package dev.meshsim.istio;

import com.google.re2j.Pattern;

/**
 * Istio's {@code HTTPRewrite}: what the client sidecar changes in the request before it goes
 * upstream (istio {@code route.go} turns it into the route action's {@code prefix_rewrite}, {@code
 * regex_rewrite} and {@code host_rewrite_literal}).
 *
 * @param uri {@code uri}: replaces the part of the path the route matched (the prefix of a prefix
 *     match, the whole path of an exact or regex match, {@code /} when the route has no uri
 *     match), or null
 * @param authority {@code authority}: the new {@code :authority} (Host), or null
 * @param uriRegex {@code uriRegexRewrite.match} (RE2), or null; exclusive with {@code uri}
 * @param uriRegexRewrite {@code uriRegexRewrite.rewrite}, with {@code \1} … for the groups
 */
public record HttpRewrite(String uri, String authority, Pattern uriRegex, String uriRegexRewrite) {}

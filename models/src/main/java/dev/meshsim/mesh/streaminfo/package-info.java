/**
 * Envoy's response flags ({@code %RESPONSE_FLAGS%}, envoy {@code source/common/stream_info}): the
 * {@link dev.meshsim.mesh.streaminfo.ResponseFlag} values and the set one response carries.
 *
 * <p>Uses nothing else of the model; the data path sets the flags and the xDS layer's Istio
 * profile names the one a missing cluster gets.
 */
package dev.meshsim.mesh.streaminfo;

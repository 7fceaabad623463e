package dev.meshsim.istio;

/**
 * One mirror of an http route: {@code mirror} with {@code mirrorPercentage} (or the deprecated
 * {@code mirrorPercent}), or one entry of {@code mirrors[]} (Istio 1.18 on).
 *
 * @param destination where the shadow requests go
 * @param percent the share of requests mirrored, in [0, 100]; 100 when the percentage is absent
 *     (istio {@code route.go} {@code MirrorPercent}: absent means 100%)
 */
public record HttpMirror(Destination destination, double percent) {}

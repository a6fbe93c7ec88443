package io.github.drkit.plan;

/**
 * A Route 53 alias target.
 *
 * @param evaluateTargetHealth null keeps what the live record has (false for a new alias)
 */
public record AliasTarget(String dnsName, String hostedZoneId, Boolean evaluateTargetHealth) {
}

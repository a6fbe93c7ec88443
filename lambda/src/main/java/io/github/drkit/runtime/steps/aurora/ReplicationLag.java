package io.github.drkit.runtime.steps.aurora;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.aws.AwsServiceError;

/**
 * The replication lag into a global database's secondary cluster, from CloudWatch's {@code AuroraGlobalDBReplicationLag}
 * (milliseconds, published in the secondary's Region per {@code DBClusterIdentifier}): how far the secondary trailed the
 * primary, so, read at the moment of promotion, how much recent writing an unplanned promotion can lose.
 *
 * @param millis    the newest one-minute maximum of the last {@link #LOOK_BACK}; null when there is none
 * @param unreadable why it could not be read; null when it was
 */
record ReplicationLag(Double millis, String unreadable) {
    static final String NAMESPACE = "AWS/RDS";
    static final String METRIC = "AuroraGlobalDBReplicationLag";
    static final Duration LOOK_BACK = Duration.ofMinutes(10);

    static ReplicationLag read(AwsClients aws, String region, String clusterIdentifier) {
        try {
            Optional<Double> newest = newest(aws, region, clusterIdentifier);
            return new ReplicationLag(newest.orElse(null), newest.isPresent() ? null
                    : "no " + METRIC + " datapoint for " + clusterIdentifier + " in the last " + LOOK_BACK.toMinutes() + " minutes");
        } catch (AwsServiceError e) {
            return new ReplicationLag(null, METRIC + " could not be read: " + e.getMessage());
        }
    }

    /**
     * The newest lag datapoint, in milliseconds; empty when CloudWatch has none in the last {@link #LOOK_BACK}. A refused
     * read is thrown, for the caller to say whether it stops anything (readiness reports it, failover carries on).
     */
    static Optional<Double> newest(AwsClients aws, String region, String clusterIdentifier) {
        return aws.cloudWatch().latestMaximum(region, NAMESPACE, METRIC, Map.of("DBClusterIdentifier", clusterIdentifier), LOOK_BACK);
    }

    /**
     * The RPO achieved by a promotion that did not wait for the secondary to catch up, compared with the declared one.
     *
     * @param rpoSeconds the plan's declared RPO; null when the plan declares none
     */
    String achieved(Integer rpoSeconds) {
        if (millis == null) {
            return "RPO achieved unknown (" + unreadable + ")" + (rpoSeconds == null ? "" : "; declared RPO " + rpoSeconds + " s");
        }
        String lag = "RPO achieved: replication lag at promotion " + Math.round(millis) + " ms (" + METRIC + ")";
        if (rpoSeconds == null) {
            return lag + "; the plan declares no RPO to compare it with";
        }
        return lag + (millis <= rpoSeconds * 1000.0 ? ", within" : ", EXCEEDS") + " the declared RPO of " + rpoSeconds + " s";
    }
}

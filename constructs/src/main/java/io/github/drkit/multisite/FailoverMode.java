package io.github.drkit.multisite;

/** How failover takes weight away from a site. */
public enum FailoverMode {
    /** The function changes the records' weights (Route 53 control plane, ChangeResourceRecordSets). */
    CONTROL_PLANE,
    /**
     * The function publishes a metric value; an alarm on it turns the drained site's health check
     * unhealthy, and Route 53's data plane stops answering with that site. No Route 53 API call is
     * needed during the event, as AWS advises for recovery.
     */
    DATA_PLANE
}

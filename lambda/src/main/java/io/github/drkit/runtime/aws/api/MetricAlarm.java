package io.github.drkit.runtime.aws.api;

/**
 * A CloudWatch alarm on one metric, as {@code DescribeAlarmsForMetric} answers it: enough to tell which state a
 * value puts it in.
 *
 * @param state {@code OK}, {@code ALARM} or {@code INSUFFICIENT_DATA}
 */
public record MetricAlarm(String name, String state, String comparisonOperator, double threshold) {
    public static final String OK = "OK";
    public static final String ALARM = "ALARM";

    /** The state this alarm settles in once the metric holds {@code value} for a whole period. */
    public String stateFor(double value) {
        boolean breaches = switch (comparisonOperator) {
            case "GreaterThanOrEqualToThreshold" -> value >= threshold;
            case "GreaterThanThreshold" -> value > threshold;
            case "LessThanThreshold" -> value < threshold;
            case "LessThanOrEqualToThreshold" -> value <= threshold;
            // Anomaly-detection bands have no fixed threshold: which state a value gives cannot be told here.
            default -> throw new IllegalStateException("alarm " + name + " compares with " + comparisonOperator
                    + ", which a site switch cannot be read through");
        };
        return breaches ? ALARM : OK;
    }

    /** Whether {@link #stateFor} can tell the state a value gives. */
    public boolean thresholdBased() {
        return comparisonOperator.endsWith("Threshold") && !comparisonOperator.contains("Band");
    }
}

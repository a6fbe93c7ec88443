package io.github.drkit.runtime.aws.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.drkit.runtime.aws.JsonProtocol;

/**
 * The CloudWatch operations behind a multi-site switch: publishing the switch metric, reading its last value, and
 * reading the state of the alarms on it (the alarm, not the metric, is what Route 53's health check follows).
 * Spoken in CloudWatch's JSON 1.0 protocol, which AWS accepts alongside the Query and CBOR protocols and which
 * local emulators also understand.
 */
public final class CloudWatchApi {
    private final JsonProtocol json;

    public CloudWatchApi(JsonProtocol json) {
        this.json = json;
    }

    public void putMetric(String region, String namespace, String metricName, Map<String, String> dimensions, double value) {
        ObjectNode input = JsonProtocol.object().put("Namespace", namespace);
        ObjectNode datum = input.putArray("MetricData").addObject().put("MetricName", metricName).put("Value", value);
        dimensions(datum.putArray("Dimensions"), dimensions);
        json.call(region, "PutMetricData", input);
    }

    /** The maximum of the newest one-minute datapoint within {@code lookBack}; empty when there is none. */
    public Optional<Double> latestMaximum(String region, String namespace, String metricName, Map<String, String> dimensions,
                                         Duration lookBack) {
        Instant now = Instant.now();
        ObjectNode input = JsonProtocol.object().put("Namespace", namespace).put("MetricName", metricName)
                .put("StartTime", now.minus(lookBack).getEpochSecond())
                .put("EndTime", now.plus(Duration.ofMinutes(1)).getEpochSecond())
                .put("Period", 60);
        input.putArray("Statistics").add("Maximum");
        dimensions(input.putArray("Dimensions"), dimensions);
        JsonNode newest = null;
        for (JsonNode point : json.call(region, "GetMetricStatistics", input).path("Datapoints")) {
            if (newest == null || point.path("Timestamp").asDouble() > newest.path("Timestamp").asDouble()) {
                newest = point;
            }
        }
        return newest == null || !newest.has("Maximum") ? Optional.empty() : Optional.of(newest.get("Maximum").asDouble());
    }

    /**
     * The alarms on exactly this metric (namespace, name and the same dimensions), with their states. Alarms on the
     * metric with other dimensions are left out here whatever the service filtered.
     */
    public List<MetricAlarm> alarmsForMetric(String region, String namespace, String metricName, Map<String, String> dimensions) {
        ObjectNode input = JsonProtocol.object().put("Namespace", namespace).put("MetricName", metricName);
        dimensions(input.putArray("Dimensions"), dimensions);
        List<MetricAlarm> alarms = new ArrayList<>();
        for (JsonNode alarm : json.call(region, "DescribeAlarmsForMetric", input).path("MetricAlarms")) {
            Map<String, String> on = new TreeMap<>();
            alarm.path("Dimensions").forEach(d -> on.put(d.path("Name").asText(), d.path("Value").asText()));
            if (on.equals(new TreeMap<>(dimensions)) && alarm.hasNonNull("Threshold")) {
                alarms.add(new MetricAlarm(alarm.path("AlarmName").asText(), alarm.path("StateValue").asText(),
                        alarm.path("ComparisonOperator").asText(), alarm.path("Threshold").asDouble()));
            }
        }
        return alarms;
    }

    private static void dimensions(ArrayNode array, Map<String, String> dimensions) {
        dimensions.forEach((name, value) -> array.addObject().put("Name", name).put("Value", value));
    }
}

package io.github.drkit.runtime.aws;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.github.drkit.runtime.aws.CloudWatchMetrics.Datapoint;
import io.github.drkit.runtime.aws.CloudWatchMetrics.Metric;
import io.github.drkit.runtime.aws.CloudWatchMetrics.Statistic;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The AWS JSON 1.0 bodies of {@link CloudWatchMetrics}' two calls and of CloudWatch's errors, with Jackson's
 * streaming API only (no data binding: a cold start loads a few classes, not hundreds). Field names are the
 * CloudWatch API's; timestamps are epoch seconds, as JSON 1.0 writes them.
 */
final class CloudWatchJson {
    private static final JsonFactory JSON = new JsonFactory();

    private CloudWatchJson() {
    }

    /** An AWS error as an answer carries it. */
    record AwsError(String code, String message) {
    }

    static byte[] putMetricData(Metric metric, double value) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("Namespace", metric.namespace());
            g.writeArrayFieldStart("MetricData");
            g.writeStartObject();
            g.writeStringField("MetricName", metric.name());
            writeDimensions(g, metric);
            g.writeNumberField("Value", value);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    static byte[] getMetricStatistics(Metric metric, Instant start, Instant end, Duration period, Statistic statistic) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("Namespace", metric.namespace());
            g.writeStringField("MetricName", metric.name());
            writeDimensions(g, metric);
            g.writeNumberField("StartTime", BigDecimal.valueOf(start.toEpochMilli(), 3));
            g.writeNumberField("EndTime", BigDecimal.valueOf(end.toEpochMilli(), 3));
            g.writeNumberField("Period", period.toSeconds());
            g.writeArrayFieldStart("Statistics");
            g.writeString(statistic.id());
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** The {@code Datapoints} of a {@code GetMetricStatistics} answer that carry {@code statistic}, oldest first. */
    static List<Datapoint> datapoints(byte[] body, Statistic statistic) throws IOException {
        List<Datapoint> points = new ArrayList<>();
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                if (p.nextToken() != JsonToken.START_ARRAY || !field.equals("Datapoints")) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    Instant at = null;
                    Double value = null;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        JsonToken token = p.nextToken();
                        if (name.equals("Timestamp")) {
                            at = token.isNumeric() ? Instant.ofEpochMilli(Math.round(p.getDoubleValue() * 1000)) : Instant.parse(p.getText());
                        } else if (name.equals(statistic.id()) && token.isNumeric()) {
                            value = p.getDoubleValue();
                        } else {
                            p.skipChildren();
                        }
                    }
                    if (at != null && value != null) {
                        points.add(new Datapoint(at, value));
                    }
                }
            }
        }
        points.sort(Comparator.comparing(Datapoint::timestamp));
        return List.copyOf(points);
    }

    /**
     * The error code and message of a failed answer. CloudWatch is query-compatible: the
     * {@code x-amzn-query-error} header carries the code the Query protocol and the documentation use
     * ({@code InvalidParameterValue}); otherwise the body's {@code __type} (or the {@code x-amzn-ErrorType}
     * header) names it, after any namespace. "Unknown" when the answer names none, e.g. an HTML error page.
     */
    static AwsError error(SdkHttpResponse response, byte[] body) {
        String code = response.firstMatchingHeader("x-amzn-query-error")
                .map(h -> h.split(";", 2)[0].trim()).filter(c -> !c.isEmpty()).orElse(null);
        String type = response.firstMatchingHeader("x-amzn-ErrorType").orElse(null);
        String message = null;
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if (value == JsonToken.VALUE_STRING && (field.equals("__type") || field.equals("code"))) {
                        type = p.getText();
                    } else if (value == JsonToken.VALUE_STRING && field.equalsIgnoreCase("message")) {
                        message = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                message = "HTTP " + response.statusCode() + ": " + snippet(body);
            }
        } catch (IOException notJson) {
            message = "HTTP " + response.statusCode() + ": " + snippet(body);
        }
        if (code == null && type != null) {
            String name = type.substring(type.lastIndexOf('#') + 1);
            code = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
        }
        return new AwsError(code == null || code.isEmpty() ? "Unknown" : code, message);
    }

    /** The start of a body, on one line, for a message. */
    static String snippet(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    private static void writeDimensions(JsonGenerator g, Metric metric) throws IOException {
        if (metric.dimensions().isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("Dimensions");
        for (Map.Entry<String, String> d : metric.dimensions().entrySet()) {
            g.writeStartObject();
            g.writeStringField("Name", d.getKey());
            g.writeStringField("Value", d.getValue());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            writer.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("CloudWatch request could not be written", e);
        }
        return out.toByteArray();
    }

    @FunctionalInterface
    private interface Writer {
        void write(JsonGenerator g) throws IOException;
    }
}

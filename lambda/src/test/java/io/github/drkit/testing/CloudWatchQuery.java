package io.github.drkit.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Reads a metric's latest value from the emulator through CloudWatch's Query protocol (form-encoded
 * {@code GetMetricStatistics}, XML answer). The runtime publishes and reads site switches in JSON 1.0; tests read
 * what the emulator holds through this second protocol, so that a mistake the runtime's client makes the same
 * way in both directions (a dimension, a Region, an account) cannot pass unnoticed.
 */
public final class CloudWatchQuery {
    private CloudWatchQuery() {
    }

    /**
     * The Maximum of the newest datapoint of the last hour, empty when the metric has none.
     *
     * @param credentials the account is the access key's (moto keeps metrics per account)
     */
    public static Optional<Double> latestMaximum(URI endpoint, AwsCredentialsProvider credentials, String region,
                                                 String namespace, String metricName, Map<String, String> dimensions) {
        Instant now = Instant.now();
        StringBuilder form = new StringBuilder("Action=GetMetricStatistics&Version=2010-08-01")
                .append("&Namespace=").append(encode(namespace))
                .append("&MetricName=").append(encode(metricName))
                .append("&StartTime=").append(encode(now.minusSeconds(3600).toString()))
                .append("&EndTime=").append(encode(now.plusSeconds(60).toString()))
                .append("&Period=60&Statistics.member.1=Maximum");
        int i = 1;
        for (Map.Entry<String, String> d : new TreeMap<>(dimensions).entrySet()) {
            form.append("&Dimensions.member.").append(i).append(".Name=").append(encode(d.getKey()))
                    .append("&Dimensions.member.").append(i).append(".Value=").append(encode(d.getValue()));
            i++;
        }
        byte[] body = form.toString().getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(endpoint.resolve("/"))
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .putHeader("Content-Length", Integer.toString(body.length)).build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials.resolveCredentials()).request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "monitoring")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        try (SdkHttpClient http = UrlConnectionHttpClient.create()) {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElseThrow()).build()).call();
            Document xml;
            try (InputStream in = response.responseBody().orElseThrow()) {
                xml = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(in);
            }
            if (response.httpResponse().statusCode() != 200) {
                throw new IllegalStateException("GetMetricStatistics (Query) answered HTTP " + response.httpResponse().statusCode()
                        + ": " + xml.getDocumentElement().getTextContent());
            }
            List<Element> points = new ArrayList<>();
            NodeList datapoints = xml.getElementsByTagName("Datapoints");
            NodeList members = datapoints.getLength() == 0 ? datapoints : ((Element) datapoints.item(0)).getElementsByTagName("member");
            for (int m = 0; m < members.getLength(); m++) {
                points.add((Element) members.item(m));
            }
            return points.stream()
                    .max(java.util.Comparator.comparing((Element p) -> Instant.parse(text(p, "Timestamp"))))
                    .map(p -> Double.valueOf(text(p, "Maximum")));
        } catch (IOException e) {
            throw new UncheckedIOException("moto_server at " + endpoint + " did not answer GetMetricStatistics", e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("GetMetricStatistics (Query) answer is not XML", e);
        }
    }

    /**
     * Creates the alarm a multi-site switch has (as {@code MultiSiteWeightedDns} defines it): the minute's Minimum below 1
     * is ALARM, missing data keeps the state.
     */
    public static void putSwitchAlarm(URI endpoint, AwsCredentialsProvider credentials, String region, String alarmName,
                                      String namespace, String metricName, Map<String, String> dimensions) {
        StringBuilder form = new StringBuilder("Action=PutMetricAlarm&Version=2010-08-01")
                .append("&AlarmName=").append(encode(alarmName))
                .append("&Namespace=").append(encode(namespace))
                .append("&MetricName=").append(encode(metricName))
                .append("&Statistic=Minimum&Period=60&EvaluationPeriods=1&Threshold=1")
                .append("&ComparisonOperator=LessThanThreshold&TreatMissingData=ignore");
        int i = 1;
        for (Map.Entry<String, String> d : new TreeMap<>(dimensions).entrySet()) {
            form.append("&Dimensions.member.").append(i).append(".Name=").append(encode(d.getKey()))
                    .append("&Dimensions.member.").append(i).append(".Value=").append(encode(d.getValue()));
            i++;
        }
        post(endpoint, credentials, region, form.toString());
    }

    /** Publishes one datapoint now, as AWS publishes a service metric (RDS's ReplicaLag, for one). */
    public static void putMetric(URI endpoint, AwsCredentialsProvider credentials, String region, String namespace, String metricName,
                                 Map<String, String> dimensions, double value) {
        StringBuilder form = new StringBuilder("Action=PutMetricData&Version=2010-08-01")
                .append("&Namespace=").append(encode(namespace))
                .append("&MetricData.member.1.MetricName=").append(encode(metricName))
                .append("&MetricData.member.1.Value=").append(value);
        int i = 1;
        for (Map.Entry<String, String> d : new TreeMap<>(dimensions).entrySet()) {
            form.append("&MetricData.member.1.Dimensions.member.").append(i).append(".Name=").append(encode(d.getKey()))
                    .append("&MetricData.member.1.Dimensions.member.").append(i).append(".Value=").append(encode(d.getValue()));
            i++;
        }
        post(endpoint, credentials, region, form.toString());
    }

    /**
     * Sets an alarm's state, as CloudWatch does when it evaluates a period: moto_server 5.2.1 stores alarms and their
     * states but never evaluates them, so a test plays the evaluation's outcome.
     */
    public static void setAlarmState(URI endpoint, AwsCredentialsProvider credentials, String region, String alarmName, String state) {
        post(endpoint, credentials, region, "Action=SetAlarmState&Version=2010-08-01&AlarmName=" + encode(alarmName)
                + "&StateValue=" + encode(state) + "&StateReason=" + encode("period evaluated"));
    }

    private static void post(URI endpoint, AwsCredentialsProvider credentials, String region, String form) {
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(endpoint.resolve("/"))
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .putHeader("Content-Length", Integer.toString(body.length)).build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials.resolveCredentials()).request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "monitoring")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        try (SdkHttpClient http = UrlConnectionHttpClient.create()) {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElseThrow()).build()).call();
            String answer;
            try (InputStream in = response.responseBody().orElseThrow()) {
                answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (response.httpResponse().statusCode() != 200) {
                throw new IllegalStateException(form.substring(0, form.indexOf('&')) + " (Query) answered HTTP "
                        + response.httpResponse().statusCode() + ": " + answer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("moto_server at " + endpoint + " did not answer", e);
        }
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

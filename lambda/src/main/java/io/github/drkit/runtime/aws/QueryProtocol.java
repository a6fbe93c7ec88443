package io.github.drkit.runtime.aws;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * The AWS Query protocol (EC2, Auto Scaling, Elastic Load Balancing, RDS, SNS): a form-encoded POST of
 * {@code Action}, {@code Version} and flattened parameters, answered in XML. Errors come as
 * {@code ErrorResponse/Error/Code}, or for EC2 as {@code Response/Errors/Error/Code}.
 */
public final class QueryProtocol {
    private final AwsTransport transport;
    private final AwsService service;
    private final String version;

    public QueryProtocol(AwsTransport transport, AwsService service, String version) {
        this.transport = transport;
        this.service = service;
        this.version = version;
    }

    /** Calls {@code action} in {@code region} and returns the answer's root element. */
    public Xml call(String region, String action, Params params) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Action", action);
        form.put("Version", version);
        form.putAll(params.values());
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        AwsTransport.Request request = new AwsTransport.Request(SdkHttpMethod.POST, "/", Map.of(),
                Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), body.getBytes(StandardCharsets.UTF_8));
        return Xml.parse(transport.send(service, region, action, request, QueryProtocol::decodeError).body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static AwsServiceError decodeError(String service, String operation, int status, Map<String, List<String>> headers, byte[] body) {
        try {
            Xml root = Xml.parse(body);
            Xml error = root.find("Error");
            if (error != null && error.text("Code") != null) {
                String requestId = root.text("RequestId") != null ? root.text("RequestId") : root.text("RequestID");
                return new AwsServiceError(service, operation, status, error.text("Code"), error.text("Message"), requestId);
            }
        } catch (IllegalArgumentException notXml) {
            // Fall through: a proxy or load balancer answered, not the service.
        }
        return AwsServiceError.unreadable(service, operation, status, body);
    }

    /** Query parameters, flattened the way the Query protocol expects: {@code Name.1}, {@code Struct.Member}. */
    public static final class Params {
        private final Map<String, String> values = new LinkedHashMap<>();

        public static Params of() {
            return new Params();
        }

        /** Adds {@code name=value}; a null value is left out. */
        public Params put(String name, Object value) {
            if (value != null) {
                values.put(name, String.valueOf(value));
            }
            return this;
        }

        /** Adds a list as {@code prefix.1}, {@code prefix.2}, ... ({@code prefix} includes {@code .member} where the service wants it). */
        public Params list(String prefix, List<String> items) {
            for (int i = 0; i < items.size(); i++) {
                values.put(prefix + "." + (i + 1), items.get(i));
            }
            return this;
        }

        Map<String, String> values() {
            return values;
        }
    }
}

package io.github.drkit.runtime.aws.conformance;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One request as the capturing server received it. */
record Captured(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {
    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d{8}/([^/]+)/([^/]+)/aws4_request");

    /** A header's first value, its name in any case; null when absent. */
    String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    /** The query string's parameters, decoded and sorted by name. */
    Map<String, List<String>> query() {
        return form(rawQuery);
    }

    /** The signing scope from the Authorization header: Region and service; null when the request is unsigned. */
    List<String> signingScope() {
        String authorization = header("Authorization");
        if (authorization == null) {
            return null;
        }
        Matcher matcher = SCOPE.matcher(authorization);
        if (!matcher.find()) {
            throw new AssertionError("not a SigV4 Authorization header: " + authorization);
        }
        return List.of(matcher.group(1), matcher.group(2));
    }

    static Map<String, List<String>> form(String encoded) {
        Map<String, List<String>> values = new TreeMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return values;
    }
}

package io.github.drkit.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers recorded from the emulator, by request. A request is known by what the service acts on: method, path,
 * query, the service and Region it is signed for, and body; the headers that change with every call (date,
 * signature, invocation id) are left out. The same request may be recorded more than once with different
 * answers (a group read before and after it is scaled): the answers are kept in the order they were given.
 */
final class Tape {
    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/[0-9]{8}/([^/]+)/([^/]+)/aws4_request");

    private final Map<String, List<Answer>> answers;

    private Tape(Map<String, List<Answer>> answers) {
        this.answers = answers;
    }

    /** One answer as the emulator gave it: status, the headers a client reads, and body. */
    record Answer(int status, Map<String, List<String>> headers, byte[] body) {
    }

    /** The key a request is recorded and looked up under. */
    static String key(String method, String rawPathAndQuery, String authorization, byte[] body) {
        String scope = "unsigned";
        if (authorization != null) {
            Matcher matcher = SCOPE.matcher(authorization);
            if (matcher.find()) {
                scope = matcher.group(2) + "@" + matcher.group(1);
            }
        }
        return method + " " + rawPathAndQuery + " " + scope + "\n" + new String(body, StandardCharsets.UTF_8);
    }

    Map<String, List<Answer>> answers() {
        return answers;
    }

    /** How many answers were recorded in all. */
    int size() {
        return answers.values().stream().mapToInt(List::size).sum();
    }

    /** Collects a tape while requests are forwarded; safe for concurrent requests. */
    static final class Recorder {
        private final Map<String, List<Answer>> answers = new LinkedHashMap<>();

        synchronized void add(String key, Answer answer) {
            answers.computeIfAbsent(key, k -> new ArrayList<>()).add(answer);
        }

        /** What was recorded since the last take, as a tape; the recorder starts empty again. */
        synchronized Tape take() {
            Map<String, List<Answer>> copy = new LinkedHashMap<>();
            answers.forEach((key, list) -> copy.put(key, List.copyOf(list)));
            answers.clear();
            return new Tape(copy);
        }
    }
}

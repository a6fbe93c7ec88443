package io.github.drkit.plan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

/**
 * Reads JSON into maps, lists, strings, numbers and booleans with Jackson's streaming parser alone. The plan
 * is small; skipping the data-binding layer saves a cold start several hundred classes.
 */
final class JsonTree {
    /** JSON {@code null}, told apart from an absent field. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonTree() {
    }

    /** @throws com.fasterxml.jackson.core.JsonProcessingException for malformed JSON, duplicate keys or trailing content */
    static Object parse(String json) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new com.fasterxml.jackson.core.JsonParseException(parser, "no content");
            }
            Object value = read(parser, first);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected content after the document: " + trailing);
            }
            return value;
        }
    }

    private static Object read(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next == JsonToken.FIELD_NAME; next = parser.nextToken()) {
                    String name = parser.currentName();
                    object.put(name, read(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(read(parser, next));
                }
                return array;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getNumberValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                // A number beyond double's range (1e400) stays exact, so the rule that refuses it can show it.
                double value = parser.getDoubleValue();
                return Double.isFinite(value) ? (Object) value : parser.getDecimalValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return NULL;
            }
            default -> throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected token " + token);
        }
    }

    static boolean isIntegral(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger;
    }
}

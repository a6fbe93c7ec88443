package io.github.drkit.runtime.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The report as JSON: the one format the CLI prints, the handler returns and SNS carries. */
public final class ReportJson {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ReportJson() {
    }

    public static String write(Report report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report could not be written as JSON", e);
        }
    }

    /** The report as plain maps and lists, for serializers that do not know the report types. */
    @SuppressWarnings("unchecked")
    public static java.util.Map<String, Object> toMap(Report report) {
        return JSON.convertValue(report, java.util.Map.class);
    }
}

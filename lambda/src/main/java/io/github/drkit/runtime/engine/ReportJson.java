package io.github.drkit.runtime.engine;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The report as JSON: the one format the CLI prints, the handler returns and SNS carries. Written with
 * Jackson's streaming generator over the report's records (their components, in declaration order; null
 * components left out), without the data-binding layer, which would cost a cold start several hundred classes.
 */
public final class ReportJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private ReportJson() {
    }

    /** The report as indented JSON. */
    public static String write(Report report) {
        return write((Object) report);
    }

    /** Any value built of records, maps, collections, enums, strings, numbers and booleans, as indented JSON. */
    public static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            write(json, value);
        } catch (IOException e) {
            throw new IllegalStateException("report could not be written as JSON", e);
        }
        return out.toString();
    }

    /** The report as plain maps and lists, for serializers that do not know the report types (Lambda's). */
    public static Map<String, Object> toMap(Report report) {
        return plainRecord(report);
    }

    /** Any report record (the readiness report, for one) as plain maps and lists. */
    public static Map<String, Object> toMap(Record report) {
        return plainRecord(report);
    }

    private static void write(JsonGenerator json, Object value) throws IOException {
        Object plain = plain(value);
        writePlain(json, plain);
    }

    private static void writePlain(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                writePlain(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object element : list) {
                writePlain(json, element);
            }
            json.writeEndArray();
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof Integer || value instanceof Long) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number number) {
            json.writeNumber(number.doubleValue());
        } else {
            json.writeString(value.toString());
        }
    }

    /** A record as an ordered map of its components, nulls left out. */
    private static Map<String, Object> plainRecord(Record record) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                Object field = component.getAccessor().invoke(record);
                if (field != null) {
                    map.put(component.getName(), plain(field));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass().getSimpleName(), e);
            }
        }
        return map;
    }

    /** Records to ordered maps (nulls left out), collections to lists, enums to names; the rest as is. */
    static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Record record) {
            return plainRecord(record);
        }
        if (value instanceof Map<?, ?> source) {
            Map<String, Object> map = new LinkedHashMap<>();
            source.forEach((k, v) -> map.put(String.valueOf(k), plain(v)));
            return map;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> list = new ArrayList<>();
            collection.forEach(element -> list.add(plain(element)));
            return list;
        }
        return value.toString();
    }
}

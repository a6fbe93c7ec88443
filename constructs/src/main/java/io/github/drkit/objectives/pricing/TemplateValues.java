package io.github.drkit.objectives.pricing;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reading literal values out of a synthesized template (parsed JSON: maps, lists, strings, numbers). */
public final class TemplateValues {
    private TemplateValues() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object o) {
        return o instanceof Map ? (Map<String, Object>) o : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> asList(Object o) {
        return o instanceof List ? (List<Object>) o : List.of();
    }

    /** A literal string, or null for an intrinsic function or token. */
    public static String str(Object o) {
        if (o instanceof String) {
            String s = (String) o;
            return s.contains("${Token[") ? null : s;
        }
        return o instanceof Number || o instanceof Boolean ? String.valueOf(o) : null;
    }

    /** A literal number, or null. */
    public static Double num(Object o) {
        if (o instanceof Number) {
            return ((Number) o).doubleValue();
        }
        String s = str(o);
        if (s == null) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static boolean truthy(Object o) {
        return "true".equalsIgnoreCase(str(o));
    }

    /** The logical id in {"Ref": id}, or null. */
    public static String ref(Object o) {
        Map<String, Object> m = asMap(o);
        return m.size() == 1 ? str(m.get("Ref")) : null;
    }

    /** The logical id in {"Fn::GetAtt": [id, attribute]} or {"Ref": id}, or null. */
    public static String refOrGetAtt(Object o) {
        String ref = ref(o);
        if (ref != null) {
            return ref;
        }
        List<Object> getAtt = asList(asMap(o).get("Fn::GetAtt"));
        return getAtt.isEmpty() ? null : str(getAtt.get(0));
    }

    /** A size as text: whole numbers without decimals, others with one. */
    public static String gb(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}

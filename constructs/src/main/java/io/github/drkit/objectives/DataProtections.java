package io.github.drkit.objectives;

import software.amazon.awscdk.Stack;
import software.constructs.IConstruct;
import software.constructs.MetadataEntry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What protects a stack's data, as its constructs declare it, for the DR summary: a backup vault's
 * lock, deny-delete policy, rules and copies, an air-gapped vault's bounds and sharing, an audit
 * framework's controls. Each construct writes one entry as node metadata; the summary lists them.
 */
public final class DataProtections {
    /** Node metadata type of a protection entry. */
    public static final String METADATA = "drkit:data-protection";

    private DataProtections() {
    }

    /**
     * Declares one protection of a construct.
     *
     * @param scope   the construct that provides it
     * @param kind    what it is, e.g. "backup vault", "audit framework"
     * @param details what it declares, in JSON-friendly values (strings, numbers, lists, maps)
     */
    public static void declare(IConstruct scope, String kind, Map<String, Object> details) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("path", scope.getNode().getPath());
        entry.put("kind", kind);
        entry.putAll(details);
        scope.getNode().addMetadata(METADATA, entry);
    }

    /** The protections declared in a stack, in construct-tree order. */
    public static List<Map<String, Object>> of(Stack stack) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (IConstruct c : stack.getNode().findAll()) {
            if (c != stack && Stack.of(c) != stack) {
                continue;
            }
            for (MetadataEntry m : c.getNode().getMetadata()) {
                if (METADATA.equals(m.getType()) && m.getData() instanceof Map<?, ?> data) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    data.forEach((k, v) -> entry.put(String.valueOf(k), v));
                    out.add(entry);
                }
            }
        }
        return List.copyOf(out);
    }
}

package io.github.drkit.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The table of the runtime's operations and the IAM actions they need, as drkit-constructs' role builder reads it
 * ({@code io/github/drkit/internal/plan/runtime-permissions.tsv}), for the tests that run the runtime under a role
 * built from it.
 */
public final class PermissionTable {
    private static final String RESOURCE = "/io/github/drkit/internal/plan/runtime-permissions.tsv";
    private static final List<Row> ROWS = load();

    private PermissionTable() {
    }

    /** One row of the table; {@code implicit} when AWS checks the action as part of the call. */
    public record Row(String kind, String service, String operation, String action, String scope, boolean implicit) {
    }

    public static List<Row> rows() {
        return ROWS;
    }

    /** Every action the given step kinds need, as the role builder grants them. */
    public static Set<String> actions(Collection<String> kinds) {
        Set<String> out = new LinkedHashSet<>();
        ROWS.stream().filter(r -> kinds.contains(r.kind())).forEach(r -> out.add(r.action()));
        return out;
    }

    /** The rows of the given kinds that name this call; empty when the table does not list it for them. */
    public static List<Row> rowsFor(Collection<String> kinds, String service, String operation) {
        return ROWS.stream().filter(r -> kinds.contains(r.kind()) && r.service().equals(service) && r.operation().equals(operation)
                && !r.implicit()).toList();
    }

    /** The actions the table lists for a call, whatever its step kind. */
    public static Set<String> actionsOf(String service, String operation) {
        Set<String> out = new LinkedHashSet<>();
        ROWS.stream().filter(r -> r.service().equals(service) && r.operation().equals(operation)).forEach(r -> out.add(r.action()));
        return out;
    }

    private static List<Row> load() {
        try (InputStream in = PermissionTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test class path (drkit-lambda's pom adds it from drkit-constructs)");
            }
            List<Row> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                rows.add(new Row(f[0], f[1], f[2], f[3], f[4], f[5].equals("implicit")));
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }
}

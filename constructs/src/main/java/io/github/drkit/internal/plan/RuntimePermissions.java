package io.github.drkit.internal.plan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The table of every operation the recovery runtime can call and the IAM actions AWS checks for it
 * ({@code runtime-permissions.tsv} beside this class), read once. The role builder takes its actions from here, so
 * that an operation added to the runtime with its row is granted, and a row removed is no longer.
 */
public final class RuntimePermissions {
    /** The table's resource name on the class path. */
    public static final String RESOURCE = "runtime-permissions.tsv";

    private static final List<Row> ROWS = load();

    private RuntimePermissions() {
    }

    /**
     * One row: an IAM action a runtime operation needs.
     *
     * @param kind      the plan step kind that makes the call
     * @param service   the runtime's service id, e.g. {@code Rds}
     * @param operation the operation, e.g. {@code PromoteReadReplica}
     * @param action    the IAM action, e.g. {@code rds:PromoteReadReplica}
     * @param scope     which resources the role grants it on
     * @param implicit  true when AWS checks the action as part of the call rather than the call naming it
     */
    public record Row(String kind, String service, String operation, String action, String scope, boolean implicit) {
    }

    public static List<Row> rows() {
        return ROWS;
    }

    /** The actions of one step kind granted on one scope, in table order. */
    public static List<String> actions(String kind, String scope) {
        Set<String> out = new LinkedHashSet<>();
        for (Row row : ROWS) {
            if (row.kind().equals(kind) && row.scope().equals(scope)) {
                out.add(row.action());
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " has no action of kind " + kind + " on scope " + scope);
        }
        return List.copyOf(out);
    }

    /** Every action a step kind needs, implicit ones included. */
    public static List<String> actions(String kind) {
        Set<String> out = new LinkedHashSet<>();
        ROWS.stream().filter(r -> r.kind().equals(kind)).forEach(r -> out.add(r.action()));
        return List.copyOf(out);
    }

    private static List<Row> load() {
        try (InputStream in = RuntimePermissions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path beside " + RuntimePermissions.class.getName());
            }
            List<Row> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 6 || !(f[5].equals("called") || f[5].equals("implicit"))) {
                    throw new IllegalStateException(RESOURCE + " line " + number + ": expected kind, service, operation, action, scope and "
                            + "called|implicit separated by tabs (got '" + line + "')");
                }
                rows.add(new Row(f[0], f[1], f[2], f[3], f[4], f[5].equals("implicit")));
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }
}

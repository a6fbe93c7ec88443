package io.github.drkit.plan;

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
 * The table of every operation the recovery runtime can call and the IAM actions AWS checks for it
 * ({@code runtime-permissions.tsv} beside this class), read once. It lives beside the plan because both halves read
 * it: the constructs' role builder takes its actions from here, so that an operation added to the runtime with its
 * row is granted and a row removed is no longer, and the runtime's tests hold every call it makes to it.
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

    /** Every action the given step kinds need, implicit ones included, as the role builder grants them. */
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

package io.github.drkit.plan;

import java.util.List;

/** What a record points at: either plain values (with the record's TTL) or an alias; exactly one is set. */
public record RecordTarget(List<String> values, AliasTarget alias) {
    public RecordTarget {
        values = values == null ? null : List.copyOf(values);
    }

    public boolean isAlias() {
        return alias != null;
    }

    @Override
    public String toString() {
        return isAlias() ? "alias " + alias.dnsName() : String.join(",", values);
    }
}

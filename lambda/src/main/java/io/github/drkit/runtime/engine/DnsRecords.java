package io.github.drkit.runtime.engine;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import io.github.drkit.runtime.plan.RecordPlan;
import io.github.drkit.runtime.plan.RecordTarget;
import io.github.drkit.runtime.plan.Routing;
import software.amazon.awssdk.services.route53.model.AliasTarget;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/** Finding, comparing and rewriting Route 53 records. Pure functions: no AWS calls. */
final class DnsRecords {
    private static final long DEFAULT_TTL = 60;

    private DnsRecords() {
    }

    static String name(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replace("\\052", "*");
        return lower.endsWith(".") ? lower : lower + ".";
    }

    private static String host(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    static ResourceRecordSet find(List<ResourceRecordSet> live, RecordPlan record) {
        for (ResourceRecordSet set : live) {
            if (name(set.name()).equals(record.name()) && set.typeAsString().equals(record.type())
                    && Objects.equals(set.setIdentifier(), record.setIdentifier())) {
                return set;
            }
        }
        return null;
    }

    /** The live record's target as the report shows it: the values, or "alias" and the DNS name. */
    static String describeTarget(ResourceRecordSet set) {
        if (set.aliasTarget() != null) {
            return "alias " + host(set.aliasTarget().dnsName());
        }
        return set.resourceRecords().stream().map(ResourceRecord::value).collect(Collectors.joining(","));
    }

    static boolean pointsAt(ResourceRecordSet set, RecordTarget target) {
        if (target.isAlias()) {
            AliasTarget alias = set.aliasTarget();
            return alias != null && host(alias.dnsName()).equals(host(target.alias().dnsName()))
                    && alias.hostedZoneId().equals(target.alias().hostedZoneId())
                    && (target.alias().evaluateTargetHealth() == null
                        || target.alias().evaluateTargetHealth().equals(alias.evaluateTargetHealth()));
        }
        if (set.aliasTarget() != null) {
            return false;
        }
        List<String> live = set.resourceRecords().stream().map(r -> value(r.value())).sorted().toList();
        List<String> wanted = target.values().stream().map(DnsRecords::value).sorted().toList();
        return live.equals(wanted);
    }

    private static String value(String value) {
        String trimmed = value.trim();
        return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1).toLowerCase(Locale.ROOT) : trimmed.toLowerCase(Locale.ROOT);
    }

    /** Where the record stands: weight or target against the plan's normal and failover settings. */
    static Position position(RecordPlan record, ResourceRecordSet live) {
        boolean normal;
        boolean failedOver;
        if (record.routing() == Routing.WEIGHTED) {
            long weight = live.weight() == null ? -1 : live.weight();
            normal = weight == record.normalWeight();
            failedOver = weight == record.failoverWeight();
        } else {
            normal = pointsAt(live, record.normal()) && ttlMatches(record, live);
            failedOver = pointsAt(live, record.recovery()) && ttlMatches(record, live);
        }
        if (normal && failedOver) {
            return Position.EITHER;
        }
        return normal ? Position.NORMAL : failedOver ? Position.FAILED_OVER : Position.OTHER;
    }

    private static boolean ttlMatches(RecordPlan record, ResourceRecordSet live) {
        return record.ttl() == null || live.aliasTarget() != null || Objects.equals(live.ttl(), record.ttl().longValue());
    }

    /** True when {@code live} already is what the action wants. */
    static boolean isAt(RecordPlan record, ResourceRecordSet live, Action action) {
        Position position = position(record, live);
        return position == Position.EITHER
                || (action == Action.FAILOVER ? position == Position.FAILED_OVER : position == Position.NORMAL);
    }

    /**
     * The record as the action wants it: the live record with only the weight changed (WEIGHTED), or with
     * the target changed and its routing, health check and set identifier kept (SIMPLE, FAILOVER).
     */
    static ResourceRecordSet desired(RecordPlan record, ResourceRecordSet live, Action action) {
        ResourceRecordSet.Builder builder = ResourceRecordSet.builder()
                .name(live.name())
                .type(live.typeAsString())
                .setIdentifier(live.setIdentifier())
                .healthCheckId(live.healthCheckId());
        if (live.failover() != null) {
            builder.failover(live.failoverAsString());
        }
        if (record.routing() == Routing.WEIGHTED) {
            builder.weight((long) (action == Action.FAILOVER ? record.failoverWeight() : record.normalWeight()));
            copyTarget(builder, live);
        } else {
            builder.weight(live.weight());
            RecordTarget target = action == Action.FAILOVER ? record.recovery() : record.normal();
            if (target.isAlias()) {
                boolean evaluate = target.alias().evaluateTargetHealth() != null
                        ? target.alias().evaluateTargetHealth()
                        : live.aliasTarget() != null && Boolean.TRUE.equals(live.aliasTarget().evaluateTargetHealth());
                builder.aliasTarget(AliasTarget.builder().dnsName(target.alias().dnsName())
                        .hostedZoneId(target.alias().hostedZoneId()).evaluateTargetHealth(evaluate).build());
            } else {
                long ttl = record.ttl() != null ? record.ttl() : live.aliasTarget() == null && live.ttl() != null ? live.ttl() : DEFAULT_TTL;
                builder.ttl(ttl).resourceRecords(target.values().stream().map(v -> ResourceRecord.builder().value(v).build()).toList());
            }
        }
        return builder.build();
    }

    private static void copyTarget(ResourceRecordSet.Builder builder, ResourceRecordSet live) {
        if (live.aliasTarget() != null) {
            // An alias has no TTL; some servers answer one anyway, and sending it back would be refused.
            builder.aliasTarget(live.aliasTarget());
        } else {
            builder.ttl(live.ttl()).resourceRecords(live.resourceRecords());
        }
    }

    static String key(ResourceRecordSet set) {
        return name(set.name()) + " " + set.typeAsString() + (set.setIdentifier() == null ? "" : " [" + set.setIdentifier() + "]");
    }
}

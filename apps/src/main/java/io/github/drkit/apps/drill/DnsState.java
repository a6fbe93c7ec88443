package io.github.drkit.apps.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.drkit.plan.RecordPlan;
import io.github.drkit.plan.RecordTarget;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/** Reads Route 53 records as the emulator holds them, and compares them with a plan's records. */
final class DnsState {
    /** A zone with more records than this is not a drill zone; the bound keeps the read loop finite. */
    private static final int MAX_PAGES = 50;

    private DnsState() {
    }

    static List<ResourceRecordSet> records(Route53Client route53, String zoneId) {
        List<ResourceRecordSet> all = new ArrayList<>();
        String nextName = null;
        String nextType = null;
        String nextId = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String name = nextName;
            String type = nextType;
            String id = nextId;
            ListResourceRecordSetsResponse response = route53.listResourceRecordSets(b -> b.hostedZoneId(zoneId)
                    .startRecordName(name).startRecordType(type).startRecordIdentifier(id));
            all.addAll(response.resourceRecordSets());
            if (!Boolean.TRUE.equals(response.isTruncated())) {
                return all;
            }
            nextName = response.nextRecordName();
            nextType = response.nextRecordTypeAsString();
            nextId = response.nextRecordIdentifier();
        }
        throw new DrillException("hosted zone " + zoneId + " has more than " + MAX_PAGES + " pages of records");
    }

    static ResourceRecordSet find(List<ResourceRecordSet> records, RecordPlan plan) {
        for (ResourceRecordSet r : records) {
            if (normalize(r.name()).equals(normalize(plan.name())) && r.typeAsString().equals(plan.type())
                    && java.util.Objects.equals(r.setIdentifier(), plan.setIdentifier())) {
                return r;
            }
        }
        return null;
    }

    /** The record's target as a comparable string: sorted values, or the alias DNS name. */
    static String target(ResourceRecordSet r) {
        if (r.aliasTarget() != null) {
            return "alias " + normalize(r.aliasTarget().dnsName());
        }
        return "values " + r.resourceRecords().stream().map(ResourceRecord::value).sorted().toList();
    }

    static String target(RecordTarget t) {
        if (t.isAlias()) {
            return "alias " + normalize(t.alias().dnsName());
        }
        return "values " + t.values().stream().sorted().toList();
    }

    static String normalize(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n : n + ".";
    }
}

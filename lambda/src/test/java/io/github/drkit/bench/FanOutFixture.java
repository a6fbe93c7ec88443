package io.github.drkit.bench;

import java.util.ArrayList;
import java.util.List;

import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.runtime.scenario.Emulator;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * The fan-out case in the emulator: 20 fleets in the recovery Region, each with a target group, and 2 hosted zones
 * with 5 names each, every name a primary/recovery weighted pair (20 records in all), all at their normal position.
 * {@link #large()} fails all of it over; {@link #single()} is the longest single chain: one fleet and one name's
 * pair of records in one zone.
 */
final class FanOutFixture {
    static final int FLEETS = 20;
    static final String[] DOMAINS = {"one.example.com", "two.example.com"};

    private final RecoveryPlan large;
    private final RecoveryPlan single;
    private final List<String> zoneIds = new ArrayList<>();

    FanOutFixture(Emulator emulator) {
        List<String> fleets = new ArrayList<>();
        for (int i = 0; i < FLEETS; i++) {
            Emulator.Fleet fleet = emulator.fleet(Emulator.RECOVERY, "fanout-" + i, 0, 0, 2, "t3.small", true);
            fleets.add(fleet(fleet.name(), fleet.targetGroupArn()));
        }
        List<String> zones = new ArrayList<>();
        String singleZone = null;
        for (String domain : DOMAINS) {
            String zoneId = emulator.zone(domain);
            zoneIds.add(zoneId);
            List<String> records = new ArrayList<>();
            for (int n = 0; n < 5; n++) {
                String name = "app" + n + "." + domain;
                emulator.upsert(zoneId,
                        ResourceRecordSet.builder().name(name).type(RRType.A).setIdentifier("primary").weight(100L).ttl(60L)
                                .resourceRecords(r -> r.value("192.0.2.1")).build(),
                        ResourceRecordSet.builder().name(name).type(RRType.A).setIdentifier("recovery").weight(0L).ttl(60L)
                                .resourceRecords(r -> r.value("198.51.100.1")).build());
                records.add(weighted(name, "primary", 100, 0));
                records.add(weighted(name, "recovery", 0, 100));
                if (singleZone == null) {
                    singleZone = zone(zoneId, records);
                }
            }
            zones.add(zone(zoneId, records));
        }
        this.large = plan(fleets, zones);
        this.single = plan(fleets.subList(0, 1), List.of(singleZone));
    }

    RecoveryPlan large() {
        return large;
    }

    RecoveryPlan single() {
        return single;
    }

    /** The hosted zones' ids, as the Route 53 API paths name them. */
    List<String> zoneIds() {
        return List.copyOf(zoneIds);
    }

    private static String fleet(String name, String targetGroupArn) {
        return "{\"autoScalingGroupName\": \"" + name + "\", \"standby\": {\"min\": 0, \"desired\": 0, \"max\": 2},"
                + " \"recovery\": {\"min\": 1, \"desired\": 2, \"max\": 4}, \"targetGroupArns\": [\"" + targetGroupArn + "\"]}";
    }

    private static String zone(String zoneId, List<String> records) {
        return "{\"hostedZoneId\": \"" + zoneId + "\", \"records\": [" + String.join(",", records) + "]}";
    }

    private static String weighted(String name, String id, int normal, int failover) {
        return "{\"routing\": \"WEIGHTED\", \"name\": \"" + name + "\", \"type\": \"A\", \"setIdentifier\": \"" + id
                + "\", \"normalWeight\": " + normal + ", \"failoverWeight\": " + failover + "}";
    }

    private static RecoveryPlan plan(List<String> fleets, List<String> zones) {
        return RecoveryPlan.parse("{\"version\": 1, \"application\": \"fanout\", \"strategy\": \"WARM_STANDBY\","
                + " \"recoveryRegion\": \"us-west-2\", \"fleets\": [" + String.join(",", fleets) + "], \"dns\": ["
                + String.join(",", zones) + "], \"healthTimeoutSeconds\": 120}");
    }
}

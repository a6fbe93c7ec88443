package io.github.drkit.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The restore kinds, which version 1 never had: a generated step the writer writes and the reader accepts reads back
 * equal and conforms to the schema; one the model refuses is refused at a field of that step.
 */
class RestoreStepProperties {

    @Provide
    Arbitrary<RestoreDatabasePlan> databases() {
        Arbitrary<RestoreDatabasePlan> valid = Combinators.combine(PlanInputs.regions(), Arbitraries.of("orders", "a", "a".repeat(63)),
                Arbitraries.of("orders-restored", "b", "b".repeat(63)), Arbitraries.of("db.t3.micro", "db.r6g.large").injectNull(0.5),
                Arbitraries.of("recovery", "default-vpc-1").injectNull(0.5), Arbitraries.integers().between(1, RestoreDatabaseKind.MAX_RPO_SECONDS)
                        .injectNull(0.5), Arbitraries.of(RestoreDatabaseKind.FROM_SNAPSHOT, RestoreDatabaseKind.FROM_POINT_IN_TIME).injectNull(0.3))
                .as((region, source, target, dbClass, subnets, rpo, from) -> new RestoreDatabasePlan(region, source, target, dbClass, subnets, rpo,
                        from, null))
                .flatMap(d -> Arbitraries.of(List.<String>of(), List.of("sg-0123abcd"), List.of("sg-0123456789abcdef0", "sg-89abcdef"),
                        List.of("sg-00000001", "sg-00000002", "sg-00000003", "sg-00000004", "sg-00000005"))
                        .map(groups -> withGroups(d, groups)));
        return PlanInputs.validOrOneBroken(valid,
                d -> new RestoreDatabasePlan("us-moon-1", d.sourceDbInstanceIdentifier(), d.dbInstanceIdentifier(), d.dbInstanceClass(),
                        d.dbSubnetGroupName(), d.rpoSeconds(), d.source(), null),
                d -> new RestoreDatabasePlan(d.region(), "1orders", d.dbInstanceIdentifier(), d.dbInstanceClass(), d.dbSubnetGroupName(), d.rpoSeconds(),
                        d.source(), null),
                d -> new RestoreDatabasePlan(d.region(), d.sourceDbInstanceIdentifier(), d.sourceDbInstanceIdentifier().toUpperCase(),
                        d.dbInstanceClass(), d.dbSubnetGroupName(), d.rpoSeconds(), d.source(), null),
                d -> new RestoreDatabasePlan(d.region(), d.sourceDbInstanceIdentifier(), d.dbInstanceIdentifier(), "large", d.dbSubnetGroupName(),
                        d.rpoSeconds(), d.source(), null),
                d -> new RestoreDatabasePlan(d.region(), d.sourceDbInstanceIdentifier(), d.dbInstanceIdentifier(), d.dbInstanceClass(),
                        "bad/name", d.rpoSeconds(), d.source(), null),
                d -> new RestoreDatabasePlan(d.region(), d.sourceDbInstanceIdentifier(), d.dbInstanceIdentifier(), d.dbInstanceClass(),
                        d.dbSubnetGroupName(), 0, d.source(), null),
                d -> new RestoreDatabasePlan(d.region(), d.sourceDbInstanceIdentifier(), d.dbInstanceIdentifier(), d.dbInstanceClass(),
                        d.dbSubnetGroupName(), d.rpoSeconds(), "latest", null),
                d -> withGroups(d, List.of("sg-0123")),
                d -> withGroups(d, List.of("sg-0123abcd", "sg-0123abcd")),
                d -> withGroups(d, List.of("sg-00000001", "sg-00000002", "sg-00000003", "sg-00000004", "sg-00000005", "sg-00000006")));
    }

    private static RestoreDatabasePlan withGroups(RestoreDatabasePlan d, List<String> groups) {
        return new RestoreDatabasePlan(d.region(), d.sourceDbInstanceIdentifier(), d.dbInstanceIdentifier(), d.dbInstanceClass(),
                d.dbSubnetGroupName(), groups, d.rpoSeconds(), d.source(), d.path());
    }

    @Provide
    Arbitrary<RestoreImagePlan> images() {
        Arbitrary<Map<String, String>> tags = Arbitraries.integers().between(1, 10).map(n -> {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                m.put("drkit:tag" + i, "v" + i);
            }
            return m;
        });
        Arbitrary<RestoreImagePlan> valid = Combinators.combine(PlanInputs.regions(), Arbitraries.of("web", "a", "a".repeat(255)), tags,
                Arbitraries.integers().between(1, RestoreDatabaseKind.MAX_RPO_SECONDS).injectNull(0.5))
                .as(RestoreImagePlan::new);
        return PlanInputs.validOrOneBroken(valid,
                i -> new RestoreImagePlan("west", i.autoScalingGroupName(), i.imageTags(), i.rpoSeconds()),
                i -> new RestoreImagePlan(i.region(), "web:1", i.imageTags(), i.rpoSeconds()),
                i -> new RestoreImagePlan(i.region(), i.autoScalingGroupName(), Map.of(), i.rpoSeconds()),
                i -> new RestoreImagePlan(i.region(), i.autoScalingGroupName(), Map.of("k".repeat(129), "v"), i.rpoSeconds()),
                i -> new RestoreImagePlan(i.region(), i.autoScalingGroupName(), i.imageTags(), RestoreDatabaseKind.MAX_RPO_SECONDS + 1));
    }

    @Provide
    Arbitrary<RestoreVolumePlan> volumes() {
        Arbitrary<Map<String, String>> tags = Arbitraries.integers().between(1, 10).map(n -> {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                m.put("drkit:volume" + i, "v" + i);
            }
            return m;
        });
        Arbitrary<RestoreVolumePlan.Attachment> attach = Combinators.combine(Arbitraries.of("i-0123abcd", "i-0123456789abcdef0"),
                Arbitraries.of("/dev/sdf", "xvdg", "/dev/xvdba")).as(RestoreVolumePlan.Attachment::new).injectNull(0.5);
        Arbitrary<RestoreVolumePlan> valid = PlanInputs.regions().flatMap(region -> Combinators.combine(
                Arbitraries.of(region + "a", region + "c", region + "-lax-1a"), tags, Arbitraries.of("data", "a", "a".repeat(128), "shop/data:1"),
                Arbitraries.of(RestoreVolumeKind.VOLUME_TYPES.stream().sorted().toList()).injectNull(0.5), attach,
                Arbitraries.integers().between(1, RestoreDatabaseKind.MAX_RPO_SECONDS).injectNull(0.5))
                .as((zone, t, name, type, at, rpo) -> new RestoreVolumePlan(region, zone, t, name, type, at, rpo)));
        return PlanInputs.validOrOneBroken(valid,
                v -> new RestoreVolumePlan(v.region(), "eu-west-1".equals(v.region()) ? "us-east-1a" : "eu-west-1a", v.snapshotTags(),
                        v.volumeName(), v.volumeType(), v.attachTo(), v.rpoSeconds()),
                v -> new RestoreVolumePlan(v.region(), "west-a", v.snapshotTags(), v.volumeName(), v.volumeType(), v.attachTo(), v.rpoSeconds()),
                v -> new RestoreVolumePlan(v.region(), v.availabilityZone(), Map.of(), v.volumeName(), v.volumeType(), v.attachTo(), v.rpoSeconds()),
                v -> new RestoreVolumePlan(v.region(), v.availabilityZone(), v.snapshotTags(), "my data", v.volumeType(), v.attachTo(), v.rpoSeconds()),
                v -> new RestoreVolumePlan(v.region(), v.availabilityZone(), v.snapshotTags(), v.volumeName(), "gp4", v.attachTo(), v.rpoSeconds()),
                v -> new RestoreVolumePlan(v.region(), v.availabilityZone(), v.snapshotTags(), v.volumeName(), v.volumeType(),
                        new RestoreVolumePlan.Attachment("i-xyz", "/dev/sdf"), v.rpoSeconds()),
                v -> new RestoreVolumePlan(v.region(), v.availabilityZone(), v.snapshotTags(), v.volumeName(), v.volumeType(),
                        new RestoreVolumePlan.Attachment("i-0123abcd", "/dev/sda1"), v.rpoSeconds()),
                v -> new RestoreVolumePlan(v.region(), v.availabilityZone(), v.snapshotTags(), v.volumeName(), v.volumeType(), v.attachTo(), 0));
    }

    @Property(tries = 1000, generation = GenerationMode.RANDOMIZED)
    void restoreVolume_whenWrittenAndRead_roundTripsOrNamesAFieldOfTheStep(@ForAll("volumes") RestoreVolumePlan step) {
        check(RestoreVolumeKind.NAME, new RestoreVolumeKind().write(step));
    }

    @Property(tries = 1000, generation = GenerationMode.RANDOMIZED)
    void restoreDatabase_whenWrittenAndRead_roundTripsOrNamesAFieldOfTheStep(@ForAll("databases") RestoreDatabasePlan step) {
        check(RestoreDatabaseKind.NAME, new RestoreDatabaseKind().write(step));
    }

    @Property(tries = 1000, generation = GenerationMode.RANDOMIZED)
    void restoreImage_whenWrittenAndRead_roundTripsOrNamesAFieldOfTheStep(@ForAll("images") RestoreImagePlan step) {
        check(RestoreImageKind.NAME, new RestoreImageKind().write(step));
    }

    private static void check(String kind, Map<String, Object> fields) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("kind", kind);
        step.putAll(fields);
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("version", 2);
        plan.put("application", "shop");
        plan.put("strategy", "BACKUP_RESTORE");
        plan.put("primaryRegion", PlanInputs.PRIMARY_REGION);
        plan.put("recoveryRegion", PlanInputs.RECOVERY_REGION);
        Map<String, Object> stage = new LinkedHashMap<>();
        stage.put("name", "data");
        stage.put("steps", List.of(step));
        plan.put("stages", List.of(stage));
        String json = PlanWriter.render(plan);
        RecoveryPlan read;
        try {
            read = RecoveryPlan.parse(json);
        } catch (PlanValidationException e) {
            assertTrue(e.field().startsWith("stages[0].steps[0]"), () -> "refused outside the step: " + e.getMessage());
            Statistics.collect("refused");
            coverage();
            return;
        }
        Statistics.collect("accepted");
        assertEquals(json, PlanWriter.toJson(read), "reads back equal");
        assertEquals(List.of(), PlanSchema.errors(json), () -> "the reader accepts what the schema refuses: " + json);
        coverage();
    }

    private static void coverage() {
        Statistics.coverage(c -> {
            c.check("accepted").percentage(p -> p >= 10);
            c.check("refused").percentage(p -> p >= 5);
        });
    }
}

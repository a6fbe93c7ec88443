package io.github.drkit.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.drkit.objectives.DrStrategy;
import io.github.drkit.plan.PlanInputs;
import io.github.drkit.plan.PlanSchema;
import io.github.drkit.plan.PlanValidationException;
import io.github.drkit.plan.PlanWriter;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.testsupport.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import software.amazon.awscdk.Stack;

/**
 * The plan contract between the halves, by property. For every kind of plan part, generated construct inputs (edge
 * values included) go through the construct helpers (PlanFleet, PlanDnsZone, ..., FailoverPlan) and, written as they
 * are, through the runtime's reader. Whatever the constructs accept, the runtime accepts and reads back equal; whatever
 * the model refuses, both refuse at the same field path.
 */
class PlanContractProperties {

    /** A construct refusal: the field path in the plan, or null for a construct-only rule (stricter than the plan's). */
    private record Refusal(String field, String message) {
    }

    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Refusal refusal;

        Refused(Refusal refusal) {
            super(refusal.message(), null, false, false);
            this.refusal = refusal;
        }
    }

    /** Runs a construct-side step whose part sits at {@code prefix} of the plan and turns its refusal into a plan path. */
    private static <T> T at(String prefix, Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof PlanValidationException model) {
                String field = model.field().isEmpty() ? prefix : prefix.isEmpty() ? model.field() : prefix + "." + model.field();
                throw new Refused(new Refusal(field, e.getMessage()));
            }
            throw new Refused(new Refusal(null, e.getMessage()));
        }
    }

    private static FailoverPlan.Builder frame() {
        return FailoverPlan.builder().application("shop").strategy(DrStrategy.WARM_STANDBY)
                .primaryRegion(PlanInputs.PRIMARY_REGION).recoveryRegion(PlanInputs.RECOVERY_REGION);
    }

    /** Both halves on the same input: the constructs' plan (or refusal) and the runtime's reading of the raw plan. */
    private static void agree(Supplier<FailoverPlan> constructs, RecoveryPlan written) {
        String json = PlanWriter.toJson(written);
        PlanValidationException runtime = null;
        RecoveryPlan read = null;
        try {
            read = RecoveryPlan.parse(json);
        } catch (PlanValidationException e) {
            runtime = e;
        }
        FailoverPlan plan;
        try {
            plan = constructs.get();
        } catch (Refused e) {
            if (e.refusal.field() == null) {
                Statistics.collect("refused by a construct-only rule");
                return;
            }
            Statistics.collect("refused by both");
            assertTrue(runtime != null, () -> "the constructs refuse (" + e.getMessage() + ") what the runtime accepts: " + json);
            // A construct part knows its place as the version 1 list wrote it; the plan written is version 2.
            String field = e.refusal.field().replaceFirst("^(databases|instances|fleets|dns|siteSwitches)\\[0\\]",
                    java.util.regex.Matcher.quoteReplacement(PlanInputs.stepPath(written)));
            assertEquals(runtime.field(), field, () -> "constructs: " + e.getMessage() + "\nruntime: " + runtime_message(json));
            return;
        }
        Statistics.collect("accepted by both");
        assertNull(runtime, () -> "the constructs accept what the runtime refuses: " + runtime_message(json));
        String constructJson = PlanWriter.render(plan.toJson());
        assertEquals(json, constructJson, "the constructs write what they were given");
        assertEquals(PlanWriter.toTree(read), PlanWriter.toTree(RecoveryPlan.parse(constructJson)), "the runtime reads it back equal");
        assertEquals(List.of(), PlanSchema.errors(constructJson));
    }

    private static String runtime_message(String json) {
        try {
            RecoveryPlan.parse(json);
            return "accepted";
        } catch (PlanValidationException e) {
            return e.getMessage();
        }
    }

    private static void coverage() {
        Statistics.coverage(c -> {
            c.check("accepted by both").percentage(p -> p >= 10);
            c.check("refused by both").percentage(p -> p >= 5);
        });
    }

    @Provide
    Arbitrary<PlanInputs.FleetInput> fleets() {
        return PlanInputs.fleets();
    }

    @Provide
    Arbitrary<PlanInputs.ZoneInput> zones() {
        return PlanInputs.zones();
    }

    @Provide
    Arbitrary<PlanInputs.TargetZoneInput> targetZones() {
        return PlanInputs.targetZones();
    }

    @Provide
    Arbitrary<PlanInputs.SiteSwitchInput> siteSwitches() {
        return PlanInputs.siteSwitches();
    }

    @Provide
    Arbitrary<PlanInputs.InstancesInput> instanceGroups() {
        return PlanInputs.instanceGroups();
    }

    @Provide
    Arbitrary<PlanInputs.DatabaseInput> databases() {
        return PlanInputs.databases();
    }

    @Property(tries = 1000, generation = GenerationMode.RANDOMIZED)
    void fleet_whenBothHalvesRead_theyAgree(@ForAll("fleets") PlanInputs.FleetInput in) {
        agree(() -> {
            Capacity standby = at("fleets[0].standby", () -> Capacity.of(in.standby()[0], in.standby()[1], in.standby()[2]));
            Capacity recovery = at("fleets[0].recovery", () -> Capacity.of(in.recovery()[0], in.recovery()[1], in.recovery()[2]));
            PlanFleet fleet = at("fleets[0]", () -> PlanFleet.builder().region(in.region()).autoScalingGroupName(in.autoScalingGroupName())
                    .standby(standby).recovery(recovery).standbyInstanceType(in.standbyInstanceType())
                    .recoveryInstanceType(in.recoveryInstanceType()).minHealthy(in.minHealthy()).targetGroupArns(in.targetGroupArns())
                    .launchTemplateId(in.recoveryInstanceType() == null ? null : "lt-0123456789abcdef0").build());
            return at("", () -> frame().fleets(List.of(fleet)).build());
        }, PlanInputs.plan(List.of(), List.of(), List.of(in.toPlan()), List.of(), List.of()));
        coverage();
    }

    @Property(tries = 1000, generation = GenerationMode.RANDOMIZED)
    void zone_whenBothHalvesRead_theyAgree(@ForAll("zones") PlanInputs.ZoneInput in) {
        agree(() -> {
            List<PlanDnsRecord> records = in.records().stream()
                    .map(r -> PlanDnsRecord.weighted(r.name(), "A", r.setIdentifier(), r.normalWeight(), r.failoverWeight())).toList();
            PlanDnsZone zone = at("dns[0]", () -> PlanDnsZone.of(in.hostedZoneId(), records));
            return at("", () -> frame().dns(List.of(zone)).build());
        }, PlanInputs.plan(List.of(), List.of(), List.of(), List.of(in.toPlan()), List.of()));
        coverage();
    }

    private static PlanDnsTarget target(io.github.drkit.plan.RecordTarget target) {
        return target.isAlias() ? PlanDnsTarget.alias(target.alias().dnsName(), target.alias().hostedZoneId()) : PlanDnsTarget.values(target.values());
    }

    @Property(tries = 1000, generation = GenerationMode.RANDOMIZED)
    void targetRecords_whenBothHalvesRead_theyAgree(@ForAll("targetZones") PlanInputs.TargetZoneInput in) {
        agree(() -> {
            List<PlanDnsRecord> records = in.records().stream().map(r -> at("", () -> r.routing() == io.github.drkit.plan.Routing.FAILOVER
                    ? PlanDnsRecord.failover(r.name(), r.type(), r.setIdentifier(), r.ttl(), target(r.normal()), target(r.recovery()))
                    : PlanDnsRecord.simple(r.name(), r.type(), r.ttl(), target(r.normal()), target(r.recovery())))).toList();
            PlanDnsZone zone = at("dns[0]", () -> PlanDnsZone.of(in.hostedZoneId(), records));
            return at("", () -> frame().dns(List.of(zone)).build());
        }, PlanInputs.plan(List.of(), List.of(), List.of(), List.of(in.toPlan()), List.of()));
        coverage();
    }

    @Property(tries = 1000, generation = GenerationMode.RANDOMIZED)
    void siteSwitch_whenBothHalvesRead_theyAgree(@ForAll("siteSwitches") PlanInputs.SiteSwitchInput in) {
        agree(() -> {
            PlanSiteSwitch siteSwitch = at("siteSwitches[0]", () -> PlanSiteSwitch.of(in.region(), in.site(), in.namespace(), in.metricName(),
                    in.dimensions(), in.normalValue(), in.failoverValue()));
            return at("", () -> frame().siteSwitches(List.of(siteSwitch)).build());
        }, PlanInputs.plan(List.of(), List.of(), List.of(), List.of(), List.of(in.toPlan())));
        coverage();
    }

    @Property(tries = 1000, generation = GenerationMode.RANDOMIZED)
    void instances_whenBothHalvesRead_theyAgree(@ForAll("instanceGroups") PlanInputs.InstancesInput in) {
        agree(() -> {
            PlanInstances instances = at("instances[0]", () -> PlanInstances.of(in.region(), in.instanceIds()));
            return at("", () -> frame().instances(List.of(instances)).build());
        }, PlanInputs.plan(List.of(), List.of(in.toPlan()), List.of(), List.of(), List.of()));
        coverage();
    }

    @Property(tries = 1000, generation = GenerationMode.RANDOMIZED)
    void database_whenBothHalvesRead_theyAgree(@ForAll("databases") PlanInputs.DatabaseInput in) {
        agree(() -> {
            PlanDatabase database = at("databases[0]", () -> PlanDatabase.of(in.region(), in.dbInstanceIdentifier()));
            return at("", () -> frame().databases(List.of(database)).build());
        }, PlanInputs.plan(List.of(in.toPlan()), List.of(), List.of(), List.of(), List.of()));
        coverage();
    }

    /**
     * The disagreement the one model ended, synthesized: a fleet whose minHealthy is above recovery.desired (up to
     * recovery.max, which the constructs once accepted) now fails at synth, with the runtime's field and rule.
     */
    @Example
    void failoverFunction_whenMinHealthyAboveRecoveryDesired_failsAtSynth() {
        Stack stack = Fixtures.recoveryStack();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FailoverFunction(stack, "Failover",
                FailoverFunctionProps.builder().plan(frame().fleets(List.of(PlanFleet.builder().region("us-west-2").autoScalingGroupName("web")
                        .standby(Capacity.of(1, 1, 2)).recovery(Capacity.of(2, 4, 8)).minHealthy(8).build())).build()).build()));

        assertEquals("PlanFleet: minHealthy: must be at most recovery.desired (got 8, recovery.desired 4): the fleet could never become healthy",
                e.getMessage());
    }

    /** A synthesized plan with deploy-time values (tokens) passes the constructs' checks and keeps its tokens for CDK. */
    @Example
    void failoverFunction_whenValuesAreTokens_synthesizesThePlan() {
        Stack stack = Fixtures.recoveryStack();
        software.amazon.awscdk.services.sns.Topic topic = new software.amazon.awscdk.services.sns.Topic(stack, "Topic");
        FailoverPlan plan = frame().fleets(List.of(PlanFleet.builder().region(stack.getRegion()).autoScalingGroupName(topic.getTopicName())
                .standby(Capacity.of(1, 1, 2)).recovery(Capacity.of(2, 4, 8)).build())).notificationTopicArn(topic.getTopicArn()).build();

        FailoverFunction function = new FailoverFunction(stack, "Failover", FailoverFunctionProps.builder().plan(plan).build());

        Map<String, Object> fleet = PlanModelTest.step((List<Map<String, Object>>) (List<?>) function.getPlan().toJson().get("stages"), "compute", "scaleFleet");
        assertEquals(topic.getTopicName(), fleet.get("autoScalingGroupName"));
    }
}

package io.github.drkit.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class RecoveryPlanTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The version 1 example in docs/recovery-plan.md: the tests of every version 1 rule edit it, and the reader
     * keeps reading it, with version 1 field paths.
     */
    static String documentedPlan() {
        return documentedPlan(1);
    }

    /** The version 2 example in docs/recovery-plan.md. */
    static String documentedPlanV2() {
        return documentedPlan(2);
    }

    /** The examples in docs/recovery-plan.md are the contract: they must parse, so doc and parser cannot drift. */
    static String documentedPlan(int version) {
        try {
            String doc = Files.readString(Path.of("..", "docs", "recovery-plan.md"));
            Matcher matcher = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(doc);
            while (matcher.find()) {
                if (matcher.group(1).contains("\"version\": " + version + ",")) {
                    return matcher.group(1);
                }
            }
            throw new AssertionError("docs/recovery-plan.md has no json example of version " + version);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String edit(UnaryOperator<ObjectNode> change) {
        try {
            ObjectNode plan = (ObjectNode) JSON.readTree(documentedPlan());
            return JSON.writeValueAsString(change.apply(plan));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ObjectNode fleet(ObjectNode plan) {
        return (ObjectNode) plan.get("fleets").get(0);
    }

    private static ObjectNode record(ObjectNode plan, int index) {
        return (ObjectNode) plan.get("dns").get(0).get("records").get(index);
    }

    @Test
    void parse_whenDocumentedExample_readsEveryField() {
        RecoveryPlan plan = RecoveryPlan.parse(documentedPlan());

        assertEquals(1, plan.version());
        assertEquals("shop", plan.application());
        assertEquals(Strategy.PILOT_LIGHT, plan.strategy());
        assertEquals("us-east-1", plan.primaryRegion());
        assertEquals("us-west-2", plan.recoveryRegion());
        assertEquals("shop-replica", plan.databases().get(0).dbInstanceIdentifier());
        assertEquals(List.of("i-0123456789abcdef0"), plan.instances().get(0).instanceIds());
        FleetPlan fleet = plan.fleets().get(0);
        assertEquals(new Capacity(0, 0, 2), fleet.standby());
        assertEquals(new Capacity(2, 4, 8), fleet.recovery());
        assertEquals("m5.large", fleet.recoveryInstanceType());
        assertEquals(2, fleet.minHealthy());
        assertEquals(1, fleet.targetGroupArns().size());
        ZonePlan zone = plan.dns().get(0);
        assertEquals("Z0123456789ABC", zone.hostedZoneId());
        assertEquals(4, zone.records().size());
        RecordPlan weighted = zone.records().get(1);
        assertEquals(Routing.WEIGHTED, weighted.routing());
        assertEquals("recovery", weighted.setIdentifier());
        assertEquals(0, weighted.normalWeight());
        assertEquals(100, weighted.failoverWeight());
        RecordPlan failover = zone.records().get(3);
        assertEquals("recovery-alb.us-west-2.elb.amazonaws.com.", failover.recovery().alias().dnsName());
        assertEquals(List.of("api.recovery.example.com"), zone.records().get(2).recovery().values());
        assertEquals(1.0, plan.siteSwitches().get(0).normalValue());
        assertEquals(600, plan.healthTimeoutSeconds());
        assertEquals("arn:aws:sns:us-west-2:111111111111:shop-dr", plan.notificationTopicArn());
    }

    @Test
    void parse_whenOptionalFieldsAbsent_appliesDefaults() {
        RecoveryPlan plan = RecoveryPlan.parse("""
                {"version": 1, "application": "shop", "strategy": "WARM_STANDBY", "recoveryRegion": "eu-west-1",
                 "fleets": [{"autoScalingGroupName": "web", "standby": {"min": 1, "desired": 1, "max": 2},
                             "recovery": {"min": 3, "desired": 4, "max": 6}}],
                 "dns": [{"hostedZoneId": "/hostedzone/ZABC", "records": [
                   {"routing": "SIMPLE", "name": "App.Example.com", "type": "A",
                    "normal": {"values": ["192.0.2.1"]}, "recovery": {"values": ["192.0.2.2"]}}]}]}
                """);

        assertNull(plan.primaryRegion());
        assertNull(plan.notificationTopicArn());
        assertEquals(600, plan.healthTimeoutSeconds());
        FleetPlan fleet = plan.fleets().get(0);
        assertEquals("eu-west-1", fleet.region());
        assertEquals(3, fleet.minHealthy());
        assertEquals(false, fleet.scalesVertically());
        assertEquals("ZABC", plan.dns().get(0).hostedZoneId());
        assertEquals("app.example.com.", plan.dns().get(0).records().get(0).name());
        assertTrue(plan.databases().isEmpty());
        assertEquals(List.of("eu-west-1"), plan.regions());
    }

    static List<Arguments> invalidPlans() {
        return List.of(
                Arguments.of("not JSON", "{\"version\": 1,", "the plan is not valid JSON at line 1"),
                Arguments.of("empty", "  ", "the plan is empty"),
                Arguments.of("array", "[]", "must be a JSON object (got an array)"),
                Arguments.of("duplicate key", "{\"version\": 1, \"version\": 1}", "Duplicate field 'version'"),
                Arguments.of("no version", edit(p -> { p.remove("version"); return p; }), "version: is required; this runtime reads plan versions 1 and 2"),
                Arguments.of("version 3", edit(p -> p.put("version", 3)), "version: must be 1 or 2 (got 3); this runtime reads plan versions 1 and 2 only"),
                Arguments.of("version 2 with version 1 lists", edit(p -> p.put("version", 2)), "stages: must list at least one stage"),
                Arguments.of("version as string", edit(p -> p.put("version", "1")), "version: must be 1 or 2 (got '1')"),
                Arguments.of("no application", edit(p -> { p.remove("application"); return p; }), "application: is required"),
                Arguments.of("bad application", edit(p -> p.put("application", "shop app")), "application: must be 1-128 letters"),
                Arguments.of("unknown strategy", edit(p -> p.put("strategy", "HOT_STANDBY")),
                        "strategy: must be one of BACKUP_RESTORE, PILOT_LIGHT, WARM_STANDBY, MULTI_SITE (got 'HOT_STANDBY')"),
                Arguments.of("no recovery Region", edit(p -> { p.remove("recoveryRegion"); return p; }), "recoveryRegion: is required"),
                Arguments.of("malformed Region", edit(p -> p.put("recoveryRegion", "US West 2")),
                        "recoveryRegion: must be an AWS Region code such as us-west-2 (got 'US West 2')"),
                Arguments.of("unknown Region", edit(p -> p.put("recoveryRegion", "us-moon-1")),
                        "recoveryRegion: 'us-moon-1' is not an AWS Region this runtime knows"),
                Arguments.of("same Regions", edit(p -> p.put("recoveryRegion", "us-east-1")),
                        "recoveryRegion: must differ from primaryRegion (both are 'us-east-1')"),
                Arguments.of("misspelt field", edit(p -> p.put("heathTimeoutSeconds", 60)),
                        "heathTimeoutSeconds: is not a field of the plan"),
                Arguments.of("timeout too long", edit(p -> p.put("healthTimeoutSeconds", 7200)),
                        "healthTimeoutSeconds: must be between 0 and 3600 (got 7200)"),
                Arguments.of("bad db identifier", edit(p -> { ((ObjectNode) p.get("databases").get(0)).put("dbInstanceIdentifier", "1db"); return p; }),
                        "databases[0].dbInstanceIdentifier: must be an RDS DB instance identifier"),
                Arguments.of("bad db Region", edit(p -> { ((ObjectNode) p.get("databases").get(0)).put("region", "mars-1"); return p; }),
                        "databases[0].region: must be an AWS Region code such as us-west-2 (got 'mars-1')"),
                Arguments.of("bad instance id", edit(p -> { ((ArrayNode) p.get("instances").get(0).get("instanceIds")).add("i-xyz"); return p; }),
                        "instances[0].instanceIds[1]: must be an EC2 instance id, i- and 8 or 17 hex digits (got 'i-xyz')"),
                Arguments.of("empty instance list", edit(p -> { ((ObjectNode) p.get("instances").get(0)).putArray("instanceIds"); return p; }),
                        "instances[0].instanceIds: must list at least one instance id"),
                Arguments.of("min above desired", edit(p -> { ((ObjectNode) fleet(p).get("recovery")).put("min", 5); return p; }),
                        "fleets[0].recovery.min: must be at most desired (got 5, desired 4)"),
                Arguments.of("desired above max", edit(p -> { ((ObjectNode) fleet(p).get("standby")).put("desired", 3); return p; }),
                        "fleets[0].standby.desired: must be at most max (got 3, max 2)"),
                Arguments.of("negative capacity", edit(p -> { ((ObjectNode) fleet(p).get("standby")).put("min", -1); return p; }),
                        "fleets[0].standby.min: must be between 0 and 10000 (got -1)"),
                Arguments.of("recovery below standby", edit(p -> { ((ObjectNode) fleet(p).get("recovery")).put("max", 1).put("desired", 1).put("min", 1); return p; }),
                        "fleets[0].recovery.max: must be at least standby.max (got 1, standby 2): failover never shrinks a fleet"),
                Arguments.of("missing recovery capacity", edit(p -> { fleet(p).remove("recovery"); return p; }), "fleets[0].recovery: is required"),
                Arguments.of("vertical without standby type", edit(p -> { fleet(p).remove("standbyInstanceType"); return p; }),
                        "fleets[0].standbyInstanceType: is required when recoveryInstanceType is set"),
                Arguments.of("bad instance type", edit(p -> { fleet(p).put("recoveryInstanceType", "large"); return p; }),
                        "fleets[0].recoveryInstanceType: must be an EC2 instance type such as m5.large (got 'large')"),
                Arguments.of("unreachable minHealthy", edit(p -> { fleet(p).put("minHealthy", 5); return p; }),
                        "fleets[0].minHealthy: must be at most recovery.desired (got 5, recovery.desired 4)"),
                Arguments.of("bad target group ARN", edit(p -> { ((ArrayNode) fleet(p).get("targetGroupArns")).set(0, "tg-1"); return p; }),
                        "fleets[0].targetGroupArns[0]: must be a target group ARN"),
                Arguments.of("target group in another Region", edit(p -> { ((ArrayNode) fleet(p).get("targetGroupArns")).set(0,
                                "arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/shop/0123456789abcdef"); return p; }),
                        "fleets[0].targetGroupArns[0]: is in us-east-1 but the fleet is in us-west-2"),
                Arguments.of("duplicate fleet", edit(p -> { ((ArrayNode) p.get("fleets")).add(fleet(p).deepCopy()); return p; }),
                        "fleets[1].autoScalingGroupName: names the same Auto Scaling group as fleets[0]"),
                Arguments.of("bad zone id", edit(p -> { ((ObjectNode) p.get("dns").get(0)).put("hostedZoneId", "zone-1"); return p; }),
                        "dns[0].hostedZoneId: must be a Route 53 hosted zone id such as Z0123456789ABC (got 'zone-1')"),
                Arguments.of("same zone twice", edit(p -> { ((ArrayNode) p.get("dns")).add(p.get("dns").get(0).deepCopy()); return p; }),
                        "dns[1].hostedZoneId: names the same hosted zone as dns[0]"),
                Arguments.of("no records", edit(p -> { ((ObjectNode) p.get("dns").get(0)).putArray("records"); return p; }),
                        "dns[0].records: must list at least one record"),
                Arguments.of("unknown routing", edit(p -> { record(p, 0).put("routing", "LATENCY"); return p; }),
                        "dns[0].records[0].routing: must be one of WEIGHTED, SIMPLE, FAILOVER (got 'LATENCY')"),
                Arguments.of("weight above 255", edit(p -> { record(p, 0).put("normalWeight", 256); return p; }),
                        "dns[0].records[0].normalWeight: must be between 0 and 255 (got 256)"),
                Arguments.of("all weights zero after failover", edit(p -> { record(p, 1).put("failoverWeight", 0); return p; }),
                        "dns[0].records[0].failoverWeight: every weighted record of app.example.com. A has failoverWeight 0"),
                Arguments.of("weighted without set identifier", edit(p -> { record(p, 0).remove("setIdentifier"); return p; }),
                        "dns[0].records[0].setIdentifier: is required for WEIGHTED routing"),
                Arguments.of("weighted with target", edit(p -> { record(p, 0).set("normal", record(p, 2).get("normal").deepCopy()); return p; }),
                        "dns[0].records[0].normal: must not be set for WEIGHTED routing"),
                Arguments.of("simple without recovery", edit(p -> { record(p, 2).remove("recovery"); return p; }),
                        "dns[0].records[2].recovery: is required for SIMPLE routing"),
                Arguments.of("target with values and alias", edit(p -> { ((ObjectNode) record(p, 2).get("normal")).set("alias",
                                record(p, 3).get("normal").get("alias").deepCopy()); return p; }),
                        "dns[0].records[2].normal: must have exactly one of 'values' or 'alias'"),
                Arguments.of("unknown record type", edit(p -> { record(p, 2).put("type", "ALIAS"); return p; }),
                        "dns[0].records[2].type: must be a Route 53 record type such as A, AAAA or CNAME (got 'ALIAS')"),
                Arguments.of("duplicate record", edit(p -> { ((ArrayNode) p.get("dns").get(0).get("records")).add(record(p, 0).deepCopy()); return p; }),
                        "dns[0].records[4]: names the same record as dns[0].records[0] (app.example.com. A [primary])"),
                Arguments.of("site switch values equal", edit(p -> { ((ObjectNode) p.get("siteSwitches").get(0)).put("failoverValue", 1); return p; }),
                        "siteSwitches[0].failoverValue: must differ from normalValue (both are 1.0)"),
                Arguments.of("reserved namespace", edit(p -> { ((ObjectNode) p.get("siteSwitches").get(0)).put("namespace", "AWS/EC2"); return p; }),
                        "siteSwitches[0].namespace: must not start with 'AWS/'"),
                Arguments.of("bad topic ARN", edit(p -> p.put("notificationTopicArn", "shop-dr")),
                        "notificationTopicArn: must be an SNS topic ARN"),
                Arguments.of("fleets not an array", edit(p -> p.put("fleets", "web")), "fleets: must be an array (got 'web')"),
                Arguments.of("null for an optional field", edit(p -> p.putNull("healthTimeoutSeconds")),
                        "healthTimeoutSeconds: must not be null; leave the field out to take its default"),
                Arguments.of("null for a nested optional field", edit(p -> { fleet(p).putNull("minHealthy"); return p; }),
                        "fleets[0].minHealthy: must not be null"),
                Arguments.of("metric value beyond double", documentedPlan().replace("\"failoverValue\": 0", "\"failoverValue\": 1e400"),
                        "siteSwitches[0].failoverValue: must be 0 or a number whose magnitude is from 2^-360 to 2^360, as CloudWatch stores it (got 1E+400)"),
                Arguments.of("metric value beyond CloudWatch", edit(p -> { ((ObjectNode) p.get("siteSwitches").get(0)).put("failoverValue", 1e300); return p; }),
                        "siteSwitches[0].failoverValue: must be 0 or a number whose magnitude is from 2^-360 to 2^360"),
                Arguments.of("version beyond 64 bits", documentedPlan().replaceFirst("\"version\": 1", "\"version\": 18446744073709551617"),
                        "version: must be 1 or 2 (got 18446744073709551617)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPlans")
    void parse_whenInvalid_throwsNamingTheField(String name, String json, String expected) {
        PlanValidationException e = assertThrows(PlanValidationException.class, () -> RecoveryPlan.parse(json));

        assertTrue(e.getMessage().contains(expected), () -> "expected <" + expected + "> in <" + e.getMessage() + ">");
    }

    @Test
    void field_whenNestedFieldInvalid_isItsPath() {
        PlanValidationException e = assertThrows(PlanValidationException.class, () -> RecoveryPlan.parse(
                edit(p -> { ((ObjectNode) fleet(p).get("recovery")).put("min", 5); return p; })));

        assertEquals("fleets[0].recovery.min", e.field());
    }

    @Test
    void parse_whenSchemaKeyPresent_ignoresIt() {
        RecoveryPlan plan = RecoveryPlan.parse(edit(p -> p.put("$schema", "./recovery-plan.schema.json")));

        assertEquals("shop", plan.application());
    }

    @Test
    void before_whenStepIsInALaterStage_keepsOnlyTheStagesBeforeIt() {
        RecoveryPlan plan = RecoveryPlan.parse("""
                {"version": 2, "application": "shop", "strategy": "PILOT_LIGHT", "recoveryRegion": "us-west-2",
                 "stages": [
                   {"name": "data", "steps": [{"kind": "promoteDatabase", "dbInstanceIdentifier": "shop-db"}]},
                   {"name": "health", "steps": [{"kind": "healthGate"}]},
                   {"name": "compute", "steps": [{"kind": "startInstances", "instanceIds": ["i-0123456789abcdef0"]}]}]}
                """);
        PlanStep gate = plan.stages().get(1).steps().get(0);

        RecoveryPlan before = plan.before(gate);

        assertEquals(List.of("data"), before.stages().stream().map(Stage::name).toList());
        assertEquals(1, before.databases().size());
        assertTrue(before.instances().isEmpty());
        assertEquals(List.of(), plan.before(plan.stages().get(0).steps().get(0)).stages());
        assertThrows(IllegalArgumentException.class, () -> before.before(gate));
    }
}

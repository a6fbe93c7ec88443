package io.github.drkit.runtime.aws;

import static io.github.drkit.runtime.scenario.Emulator.PRIMARY;
import static io.github.drkit.runtime.scenario.Emulator.RECOVERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.runtime.aws.api.AutoScalingGroup;
import io.github.drkit.runtime.aws.api.DbInstance;
import io.github.drkit.runtime.aws.api.Ec2Api;
import io.github.drkit.runtime.aws.api.RecordSet;
import io.github.drkit.runtime.aws.api.Route53Api;
import io.github.drkit.runtime.aws.api.UpdateAutoScalingGroupRequest;
import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Each service facade against the emulator, read back with the AWS SDK's own clients: the runtime's wire layer
 * must write what the SDK reads and read what the SDK wrote.
 */
@ExtendWith(MotoServerExtension.class)
class WireApisTest {
    private Emulator emulator;
    private AwsClients aws;

    @BeforeEach
    void start(MotoServer moto) {
        emulator = new Emulator(moto);
        aws = emulator.runtimeClients();
    }

    @AfterEach
    void stop() {
        aws.close();
        emulator.close();
    }

    @Test
    void route53_whenZoneHoldsMoreThanOnePage_listsEveryRecordAcrossPages() {
        String zone = emulator.zone("many.example.com");
        List<ResourceRecordSet> sets = new ArrayList<>();
        for (int i = 0; i < 320; i++) {
            sets.add(ResourceRecordSet.builder().name("host" + i + ".many.example.com").type(RRType.A).ttl(60L)
                    .resourceRecords(r -> r.value("192.0.2.10")).build());
        }
        emulator.upsert(zone, sets.toArray(ResourceRecordSet[]::new));

        Route53Api.RecordPage first = aws.route53().records(zone, null);
        List<RecordSet> all = aws.route53().allRecords(zone);

        assertNotNull(first.next(), "the first page is truncated");
        assertEquals(322, all.size(), "320 A records, the SOA and the NS");
        assertEquals(all.size(), all.stream().map(r -> r.name() + r.type()).distinct().count(), "no record twice");
    }

    @Test
    void route53_whenUpsertingValuesAliasAndWeights_theSdkReadsThemBack() {
        String zone = emulator.zone("wire.example.com");
        RecordSet txt = new RecordSet("note.wire.example.com.", "TXT", null, null, null, null, 300L,
                List.of("\"a & b < c > d\""), null);
        RecordSet weighted = new RecordSet("app.wire.example.com.", "A", "recovery", 25L, null, null, 60L,
                List.of("198.51.100.7", "198.51.100.8"), null);
        RecordSet alias = new RecordSet("www.wire.example.com.", "A", null, null, null, null, null, List.of(),
                new RecordSet.AliasTarget("dualstack.lb-1.us-west-2.elb.amazonaws.com.", "Z1H1FL5HABSF5", true));

        Route53Api.Change change = aws.route53().upsert(zone, "drkit test", List.of(txt, weighted, alias));

        assertNotNull(change.id());
        assertEquals("\"a & b < c > d\"", emulator.record(zone, "note.wire.example.com.", null).resourceRecords().get(0).value());
        ResourceRecordSet sdkWeighted = emulator.record(zone, "app.wire.example.com.", "recovery");
        assertEquals(25L, sdkWeighted.weight());
        assertEquals(2, sdkWeighted.resourceRecords().size());
        ResourceRecordSet sdkAlias = emulator.record(zone, "www.wire.example.com.", null);
        assertEquals("Z1H1FL5HABSF5", sdkAlias.aliasTarget().hostedZoneId());
        assertTrue(sdkAlias.aliasTarget().evaluateTargetHealth());
        RecordSet read = aws.route53().allRecords(zone).stream()
                .filter(r -> "recovery".equals(r.setIdentifier())).findFirst().orElseThrow();
        assertEquals(weighted, read);
    }

    @Test
    void route53_whenRecordsWithLatencyGeolocationAndMultivalueRoutingRewritten_keepTheirRouting() {
        String zone = emulator.zone("routing.example.com");
        emulator.upsert(zone,
                ResourceRecordSet.builder().name("lat.routing.example.com").type(RRType.A).setIdentifier("oregon").region("us-west-2")
                        .ttl(60L).resourceRecords(r -> r.value("192.0.2.1")).build(),
                ResourceRecordSet.builder().name("geo.routing.example.com").type(RRType.A).setIdentifier("us-wa")
                        .geoLocation(g -> g.countryCode("US").subdivisionCode("WA")).ttl(60L).resourceRecords(r -> r.value("192.0.2.2")).build(),
                ResourceRecordSet.builder().name("multi.routing.example.com").type(RRType.A).setIdentifier("one").multiValueAnswer(true)
                        .ttl(60L).resourceRecords(r -> r.value("192.0.2.3")).build());
        List<RecordSet> routed = aws.route53().allRecords(zone).stream().filter(r -> r.setIdentifier() != null).toList();

        aws.route53().upsert(zone, "drkit test", routed.stream().map(r -> r.withValues(60, List.of("198.51.100.9"))).toList());

        assertEquals(3, routed.size(), routed.toString());
        ResourceRecordSet latency = emulator.record(zone, "lat.routing.example.com.", "oregon");
        assertEquals("us-west-2", latency.regionAsString());
        assertEquals("198.51.100.9", latency.resourceRecords().get(0).value());
        ResourceRecordSet geo = emulator.record(zone, "geo.routing.example.com.", "us-wa");
        assertEquals(List.of("US", "WA"), List.of(geo.geoLocation().countryCode(), geo.geoLocation().subdivisionCode()));
        assertEquals("198.51.100.9", geo.resourceRecords().get(0).value());
        ResourceRecordSet multi = emulator.record(zone, "multi.routing.example.com.", "one");
        assertTrue(multi.multiValueAnswer());
        assertEquals("198.51.100.9", multi.resourceRecords().get(0).value());
    }

    @Test
    void route53_whenRecordBelongsToATrafficPolicyInstance_refusesToUpsertItNamingIt() {
        RecordSet managed = new RecordSet("tp.example.com.", "A", null, null, null, null, 60L, List.of("192.0.2.1"), null,
                new RecordSet.Routing(null, null, null, null, null, "12345678-abcd-abcd-abcd-123456789012"));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> aws.route53().upsert("Z0000000000000000000", "drkit test", List.of(managed)));

        assertEquals("record tp.example.com. A was created by traffic policy instance 12345678-abcd-abcd-abcd-123456789012; Route 53"
                + " changes it only through that instance, so a plan must not UPSERT it", error.getMessage());
    }

    @Test
    void route53_whenZoneUnknown_failsWithNoSuchHostedZone() {
        AwsServiceError error = assertThrows(AwsServiceError.class, () -> aws.route53().allRecords("Z0000000000000000000"));

        assertTrue(error.is("NoSuchHostedZone"), error.getMessage());
    }

    @Test
    void ec2_whenOneIdIsUnknown_returnsTheOthersAndStartsThem() {
        List<String> ids = emulator.stoppedInstances(RECOVERY, 2);
        List<String> asked = List.of(ids.get(0), ids.get(1), "i-0000000000000dead");

        Map<String, String> states = aws.ec2().instanceStates(RECOVERY, asked);
        aws.ec2().startInstances(RECOVERY, ids);

        assertEquals(Map.of(ids.get(0), "stopped", ids.get(1), "stopped"), states);
        assertEquals("running", emulator.instanceState(RECOVERY, ids.get(0)));
        assertEquals("running", emulator.instanceState(RECOVERY, ids.get(1)));
    }

    @Test
    void ec2_whenCreatingALaunchTemplateVersion_changesOnlyTheInstanceType() {
        Emulator.Fleet fleet = emulator.fleet(RECOVERY, "wire-web", 0, 0, 2, "t3.small", false);

        Ec2Api.LaunchTemplateVersion current = aws.ec2().launchTemplateVersion(RECOVERY, fleet.launchTemplateId(), null, "$Default");
        long created = aws.ec2().createLaunchTemplateVersion(RECOVERY, fleet.launchTemplateId(), "1", "drkit test", "m5.large");
        Ec2Api.LaunchTemplateVersion next = aws.ec2().launchTemplateVersion(RECOVERY, null, "wire-web", String.valueOf(created));

        assertEquals("t3.small", current.instanceType());
        assertEquals(2, created);
        assertEquals("m5.large", next.instanceType());
        assertEquals(fleet.launchTemplateId(), next.launchTemplateId());
    }

    @Test
    void autoScaling_whenUpdated_theSdkSeesCapacityAndTemplateVersion() {
        Emulator.Fleet fleet = emulator.fleet(RECOVERY, "wire-asg", 0, 0, 2, "t3.small", false);
        long version = aws.ec2().createLaunchTemplateVersion(RECOVERY, fleet.launchTemplateId(), "1", "drkit test", "m5.large");

        aws.autoScaling().update(UpdateAutoScalingGroupRequest.builder().region(RECOVERY).groupName("wire-asg")
                .minSize(1).desiredCapacity(2).maxSize(4).launchTemplate(fleet.launchTemplateId(), String.valueOf(version)).build());
        AutoScalingGroup group = aws.autoScaling().describe(RECOVERY, List.of("wire-asg", "missing-asg")).get(0);

        assertEquals(List.of(1, 2, 4), List.of(group.minSize(), group.desiredCapacity(), group.maxSize()));
        assertEquals(String.valueOf(version), group.launchTemplate().version());
        assertEquals(2, group.instances().size());
        assertEquals("m5.large", emulator.launchType(RECOVERY, "wire-asg"));
        assertFalse(group.mixedInstancesPolicy());
        assertNull(group.launchConfigurationName());
    }

    @Test
    void rds_whenReplicaTaggedAndPromoted_readsSourceTagsAndStatus() {
        String replica = emulator.replica("wire-db");
        DbInstance before = aws.rds().describe(RECOVERY, replica);

        aws.rds().addTag(RECOVERY, before.arn(), "drkit:promoted", "2026-11-25T00:00:00Z");
        String status = aws.rds().promoteReadReplica(RECOVERY, replica);
        DbInstance after = aws.rds().describe(RECOVERY, replica);

        assertTrue(before.readReplicaSource().endsWith(":db:wire-db"), before.readReplicaSource());
        assertEquals(emulator.database(RECOVERY, replica).dbInstanceArn(), before.arn());
        assertNotNull(status);
        assertEquals("2026-11-25T00:00:00Z", after.tags().get("drkit:promoted"));
        assertTrue(emulator.database(RECOVERY, replica).tagList().stream().anyMatch(t -> t.key().equals("drkit:promoted")));
    }

    @Test
    void ssm_whenParameterExistsOrNot_readsItOrNamesTheError() {
        emulator.ssm(RECOVERY).putParameter(p -> p.name("/drkit/wire/plan").type(ParameterType.SECURE_STRING).value("{\"version\": 1}"));

        assertEquals("{\"version\": 1}", aws.ssm().parameter(RECOVERY, "/drkit/wire/plan"));
        AwsServiceError missing = assertThrows(AwsServiceError.class, () -> aws.ssm().parameter(RECOVERY, "/drkit/none"));
        assertTrue(missing.is("ParameterNotFound"), missing.getMessage());
    }

    @Test
    void cloudWatch_whenMetricPublished_readsTheNewestMaximumBack() {
        Map<String, String> dimensions = Map.of("Site", "us-east-1");

        Optional<Double> none = aws.cloudWatch().latestMaximum(PRIMARY, "drkit/wire", "SiteUp", dimensions, Duration.ofMinutes(15));
        aws.cloudWatch().putMetric(PRIMARY, "drkit/wire", "SiteUp", dimensions, 0.0);

        assertEquals(Optional.empty(), none);
        assertEquals(Optional.of(0.0),
                aws.cloudWatch().latestMaximum(PRIMARY, "drkit/wire", "SiteUp", dimensions, Duration.ofMinutes(15)));
    }

    @Test
    void sns_whenTopicMissing_failsWithNotFound() {
        String topic = emulator.topic(RECOVERY, "wire-topic");

        aws.sns().checkTopic(RECOVERY, topic);
        String id = aws.sns().publish(RECOVERY, topic, "drkit test", "{\"outcome\": \"SUCCEEDED\"}");
        AwsServiceError missing = assertThrows(AwsServiceError.class,
                () -> aws.sns().checkTopic(RECOVERY, topic.replace("wire-topic", "no-topic")));

        assertNotNull(id);
        assertTrue(missing.is("NotFound"), missing.getMessage());
    }
}

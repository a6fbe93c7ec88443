package io.github.drkit.runtime.scenario;

import static io.github.drkit.runtime.scenario.Emulator.PRIMARY;
import static io.github.drkit.runtime.scenario.Emulator.RECOVERY;

import java.util.Map;

import io.github.drkit.testing.CloudWatchQuery;
import io.github.drkit.testing.MotoServer;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * A site with one step of every kind, created in the emulator as the stacks would leave it: a fleet launching from an
 * AMI of its own in the recovery Region behind a target group, weighted records with a health check, a cross-Region
 * replica, stopped instances, a site switch with its alarm, and the notification topic. Evaluate finds it READY;
 * each test breaks one thing.
 */
public record ReadinessSite(String imageId, String launchTemplateId, String targetGroupArn, String zone, String healthCheckId,
                            String replica, String instanceId, String topicArn) {
    public static final Map<String, String> SWITCH_DIMENSIONS = Map.of("Application", "shop", "Site", "primary");

    public static ReadinessSite create(Emulator emulator, MotoServer moto) {
        String subnet = emulator.subnet(RECOVERY);
        String builder = emulator.ec2(RECOVERY).runInstances(r -> r.imageId("ami-12c6146b").minCount(1).maxCount(1).subnetId(subnet)
                .instanceType(InstanceType.T3_SMALL)).instances().get(0).instanceId();
        String image = emulator.ec2(RECOVERY).createImage(r -> r.instanceId(builder).name("shop-web-2026-12-04")).imageId();
        String template = emulator.ec2(RECOVERY).createLaunchTemplate(t -> t.launchTemplateName("shop-web")
                .launchTemplateData(d -> d.imageId(image).instanceType(InstanceType.T3_SMALL))).launchTemplate().launchTemplateId();
        String targetGroup = emulator.createTargetGroup(RECOVERY, "shop-web");
        emulator.autoScaling(RECOVERY).createAutoScalingGroup(g -> g.autoScalingGroupName("shop-web").minSize(1).desiredCapacity(1).maxSize(2)
                .vpcZoneIdentifier(subnet).launchTemplate(t -> t.launchTemplateId(template).version("$Default")).targetGroupARNs(targetGroup));
        String zone = emulator.zone("example.com");
        String check = emulator.healthCheck("primary.example.com");
        emulator.upsert(zone,
                ResourceRecordSet.builder().name("app.example.com").type(RRType.A).setIdentifier("primary").weight(100L).ttl(60L)
                        .healthCheckId(check).resourceRecords(r -> r.value("192.0.2.10")).build(),
                ResourceRecordSet.builder().name("app.example.com").type(RRType.A).setIdentifier("recovery").weight(0L).ttl(60L)
                        .resourceRecords(r -> r.value("198.51.100.10")).build());
        String replica = emulator.replica("shop");
        String instance = emulator.stoppedInstances(RECOVERY, 1).get(0);
        CloudWatchQuery.putSwitchAlarm(moto.endpoint(), moto.credentials(), PRIMARY, "shop-primary-switch", "drkit/switch", "SiteEnabled",
                SWITCH_DIMENSIONS);
        String topic = emulator.topic(RECOVERY, "shop-dr");
        return new ReadinessSite(image, template, targetGroup, zone, check, replica, instance, topic);
    }

    /** The plan of the site: the fleet to 2/4/8 on m5.large, the weights to 0/100, and the rest. */
    public String plan() {
        return """
                {"version": 1, "application": "shop", "strategy": "PILOT_LIGHT", "primaryRegion": "%s", "recoveryRegion": "%s",
                 "databases": [{"dbInstanceIdentifier": "%s"}],
                 "instances": [{"instanceIds": ["%s"]}],
                 "fleets": [{"autoScalingGroupName": "shop-web", "standby": {"min": 1, "desired": 1, "max": 2},
                             "recovery": {"min": 2, "desired": 4, "max": 8}, "standbyInstanceType": "t3.small",
                             "recoveryInstanceType": "m5.large", "targetGroupArns": ["%s"]}],
                 "dns": [{"hostedZoneId": "%s", "records": [
                   {"routing": "WEIGHTED", "name": "app.example.com", "type": "A", "setIdentifier": "primary", "normalWeight": 100, "failoverWeight": 0},
                   {"routing": "WEIGHTED", "name": "app.example.com", "type": "A", "setIdentifier": "recovery", "normalWeight": 0, "failoverWeight": 100}]}],
                 "siteSwitches": [{"region": "%s", "site": "primary", "namespace": "drkit/switch", "metricName": "SiteEnabled",
                                   "dimensions": {"Application": "shop", "Site": "primary"}, "normalValue": 1, "failoverValue": 0}],
                 "healthTimeoutSeconds": 30, "notificationTopicArn": "%s"}
                """.formatted(PRIMARY, RECOVERY, replica, instanceId, targetGroupArn, zone, PRIMARY, topicArn);
    }
}

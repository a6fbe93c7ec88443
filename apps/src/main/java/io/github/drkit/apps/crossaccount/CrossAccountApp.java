package io.github.drkit.apps.crossaccount;

import io.github.drkit.crossaccount.WorkloadAccountRole;
import io.github.drkit.crossaccount.WorkloadAccountRoleProps;
import io.github.drkit.failover.Capacity;
import io.github.drkit.failover.FailoverFunction;
import io.github.drkit.failover.FailoverFunctionProps;
import io.github.drkit.failover.FailoverPlan;
import io.github.drkit.failover.PlanDnsRecord;
import io.github.drkit.failover.PlanDnsZone;
import io.github.drkit.failover.PlanFleet;
import io.github.drkit.internal.protection.NagSuppression;
import io.github.drkit.objectives.DrStrategy;
import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.autoscaling.CfnAutoScalingGroup;
import software.amazon.awscdk.services.ec2.CfnLaunchTemplate;
import software.amazon.awscdk.services.ec2.CfnSubnet;
import software.amazon.awscdk.services.ec2.CfnVPC;
import software.amazon.awscdk.services.ec2.FlowLog;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogResourceType;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ec2.VpcAttributes;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.route53.CfnHostedZone;
import software.amazon.awscdk.services.route53.CfnRecordSet;

/**
 * A warm standby split across two accounts, as a platform team runs it with a central recovery account: the fleet and
 * the role drkit may use there live in a workload account; the DNS and the failover function live in the recovery
 * account. The failover function scales the fleet through a session of the workload role and moves DNS with its own
 * role. Drilled by {@link io.github.drkit.apps.drill.CrossAccountDrill} with the two accounts in the emulator.
 */
public final class CrossAccountApp {
    public static final String APPLICATION = "xacct";
    public static final String WORKLOAD_STACK = "drkit-cross-account-workload";
    public static final String RECOVERY_STACK = "drkit-cross-account-recovery";
    public static final String FLEET = "drkit-xacct-web";
    public static final String WORKLOAD_ROLE = "drkit-xacct-workload";
    public static final String FAILOVER_ROLE = "drkit-xacct-failover";
    public static final String RECORD = "app.xacct.example.com";
    /** An image the emulator ships with; the drill's fleet never runs real code. */
    private static final String IMAGE = "ami-12c6146b";

    private CrossAccountApp() {
    }

    /** The fleet's step, as both accounts' stacks name it. */
    public static PlanFleet fleet(String region) {
        return PlanFleet.builder().region(region).autoScalingGroupName(FLEET)
                .standby(Capacity.of(1, 1, 2)).recovery(Capacity.of(2, 4, 8)).build();
    }

    /** Adds the workload stack (in {@code workloadAccount}) and the recovery stack (in {@code recoveryAccount}), both in {@code region}. */
    public static void define(App app, String recoveryAccount, String workloadAccount, String region) {
        PlanFleet fleet = fleet(region);
        Stack workload = new Stack(app, WORKLOAD_STACK, StackProps.builder()
                .env(Environment.builder().account(workloadAccount).region(region).build())
                .description("drkit cross-account drill: the workload account's fleet and the role drkit's failover assumes there").build());
        workloadFleet(workload, region);
        WorkloadAccountRole role = new WorkloadAccountRole(workload, "DrRole", WorkloadAccountRoleProps.builder()
                .failoverRoleArn("arn:aws:iam::" + recoveryAccount + ":role/" + FAILOVER_ROLE)
                .roleName(WORKLOAD_ROLE).steps(List.of(fleet)).build());

        Stack recovery = new Stack(app, RECOVERY_STACK, StackProps.builder()
                .env(Environment.builder().account(recoveryAccount).region(region).build())
                .description("drkit cross-account drill: DNS and the failover function in the recovery account").build());
        CfnHostedZone zone = CfnHostedZone.Builder.create(recovery, "Zone").name("xacct.example.com").build();
        weighted(recovery, "Primary", zone, "primary", 100, "192.0.2.10");
        weighted(recovery, "Recovery", zone, "recovery", 0, "198.51.100.10");
        FailoverPlan plan = FailoverPlan.builder().application(APPLICATION).strategy(DrStrategy.WARM_STANDBY).recoveryRegion(region)
                .dns(List.of(PlanDnsZone.of(zone.getRef(), List.of(
                        PlanDnsRecord.weighted(RECORD, "A", "primary", 100, 0),
                        PlanDnsRecord.weighted(RECORD, "A", "recovery", 0, 100)))))
                .otherSteps(List.of(role.assume(fleet)))
                .build();
        new FailoverFunction(recovery, "Failover", FailoverFunctionProps.builder().plan(plan).roleName(FAILOVER_ROLE).build());
    }

    private static void workloadFleet(Stack stack, String region) {
        CfnVPC vpc = CfnVPC.Builder.create(stack, "Vpc").cidrBlock("10.2.0.0/16").build();
        Bucket logs = Bucket.Builder.create(stack, "FlowLogs")
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .versioned(true)
                .lifecycleRules(List.of(LifecycleRule.builder().expiration(Duration.days(365)).noncurrentVersionExpiration(Duration.days(30)).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        NagSuppression.add(logs, "AwsSolutions-S1", "This bucket is itself the log destination (the VPC's flow logs); logging its own "
                + "access would only log the log deliveries into a second bucket.", List.of());
        FlowLog.Builder.create(stack, "FlowLog").resourceType(FlowLogResourceType.fromVpc(Vpc.fromVpcAttributes(stack, "VpcReference",
                        VpcAttributes.builder().vpcId(vpc.getRef()).availabilityZones(List.of(region + "a")).build())))
                .destination(FlowLogDestination.toS3(logs, "flow-logs/")).trafficType(FlowLogTrafficType.ALL).build();
        CfnSubnet subnet = CfnSubnet.Builder.create(stack, "Subnet").vpcId(vpc.getRef()).cidrBlock("10.2.0.0/24")
                .availabilityZone(region + "a").build();
        CfnLaunchTemplate template = CfnLaunchTemplate.Builder.create(stack, "Template").launchTemplateName(FLEET)
                .launchTemplateData(CfnLaunchTemplate.LaunchTemplateDataProperty.builder().imageId(IMAGE).instanceType("t3.small").build())
                .build();
        CfnAutoScalingGroup fleet = CfnAutoScalingGroup.Builder.create(stack, "Fleet").autoScalingGroupName(FLEET).minSize("1").desiredCapacity("1").maxSize("2")
                .vpcZoneIdentifier(List.of(subnet.getRef()))
                .launchTemplate(CfnAutoScalingGroup.LaunchTemplateSpecificationProperty.builder().launchTemplateId(template.getRef())
                        .version(template.getAttrLatestVersionNumber()).build())
                .build();
        NagSuppression.add(fleet, "AwsSolutions-AS3", "Scaling notifications to an encrypted topic need a key policy naming the "
                + "account's Auto Scaling service-linked role, which a new workload account has only after its first group exists; "
                + "this stand-in for the workload team's fleet leaves them to its owner, and the drill reads its capacity directly.", List.of());
    }

    private static void weighted(Stack stack, String id, CfnHostedZone zone, String setIdentifier, int weight, String address) {
        // Fully qualified, as Route 53 answers it: the emulator keeps the name as given, and an UPSERT of the
        // qualified name would otherwise add a second record beside it.
        CfnRecordSet.Builder.create(stack, id).hostedZoneId(zone.getRef()).name(RECORD + ".").type("A").setIdentifier(setIdentifier)
                .weight(weight).ttl("60").resourceRecords(List.of(address)).build();
    }
}

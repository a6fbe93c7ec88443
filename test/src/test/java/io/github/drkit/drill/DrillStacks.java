package io.github.drkit.drill;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.github.drkit.objectives.EstimateTerms;
import io.github.drkit.objectives.RecoveryEstimate;
import io.github.drkit.objectives.RecoveryEstimator;
import io.github.drkit.objectives.RecoveryObjectives;
import io.github.drkit.objectives.DrStrategy;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.autoscaling.CfnAutoScalingGroup;
import software.amazon.awscdk.services.ec2.CfnLaunchTemplate;
import software.amazon.awscdk.services.lambda.Code;
import io.github.drkit.plan.RuntimePermissions;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.route53.CfnHealthCheck;
import software.amazon.awscdk.services.route53.CfnHostedZone;
import software.amazon.awscdk.services.route53.CfnRecordSet;
import software.constructs.Construct;

/**
 * Small two-Region apps, one per strategy, that the drill tests deploy: a VPC-less Auto Scaling group from a
 * launch template in each Region, a hosted zone with weighted records and a health check on the primary's,
 * and a Lambda function whose {@code DRKIT_PLAN} holds the plan with the deployed names as tokens (multi-site's
 * also switches the primary off through a CloudWatch metric). Each
 * recovery stack carries a recovery estimate and an RTO objective, so that the drill has a budget.
 */
final class DrillStacks {
    static final String ACCOUNT = "111111111111";
    static final String PRIMARY = "us-east-1";
    static final String RECOVERY = "us-west-2";

    /** What differs between the strategies' apps. */
    record Shape(String name, DrStrategy strategy, int primaryDesired, int[] standby, int[] recovery, int primaryWeight,
                 int recoveryWeight, String standbyType, String recoveryType, Duration objective, boolean computeStart) {
    }

    static final Shape PILOT_LIGHT = new Shape("drill-pilot-light", DrStrategy.PILOT_LIGHT, 2, new int[] {0, 0, 2},
            new int[] {2, 2, 4}, 100, 0, null, null, Duration.ofMinutes(30), true);
    static final Shape WARM_STANDBY = new Shape("drill-warm-standby", DrStrategy.WARM_STANDBY, 2, new int[] {1, 1, 2},
            new int[] {2, 3, 4}, 100, 0, "t3.small", "m5.large", Duration.ofMinutes(15), true);
    static final Shape MULTI_SITE = new Shape("drill-multi-site", DrStrategy.MULTI_SITE, 2, new int[] {2, 2, 4},
            new int[] {2, 4, 6}, 50, 50, null, null, Duration.ofMinutes(5), false);

    private DrillStacks() {
    }

    static Consumer<App> app(Shape shape) {
        return app(shape, null);
    }

    /** The same app whose failover function's role lacks {@code withoutAction} (none when null). */
    static Consumer<App> app(Shape shape, String withoutAction) {
        return app -> {
            Stack primary = new Stack(app, shape.name() + "-primary", StackProps.builder()
                    .env(Environment.builder().account(ACCOUNT).region(PRIMARY).build()).build());
            fleet(primary, "Fleet", shape.primaryDesired(), shape.primaryDesired(), Math.max(2, shape.primaryDesired()), "t3.small");

            Stack recovery = new Stack(app, shape.name() + "-recovery", StackProps.builder()
                    .env(Environment.builder().account(ACCOUNT).region(RECOVERY).build()).build());
            CfnAutoScalingGroup standby = fleet(recovery, "Fleet", shape.standby()[0], shape.standby()[1], shape.standby()[2],
                    shape.standbyType() == null ? "t3.small" : shape.standbyType());
            String domain = shape.name() + ".example.com.";
            CfnHostedZone zone = CfnHostedZone.Builder.create(recovery, "Zone").name(domain).build();
            CfnHealthCheck check = CfnHealthCheck.Builder.create(recovery, "PrimaryHealth")
                    .healthCheckConfig(CfnHealthCheck.HealthCheckConfigProperty.builder()
                            .type("HTTPS").fullyQualifiedDomainName("primary." + shape.name() + ".example.com")
                            .port(443).resourcePath("/health").requestInterval(30).failureThreshold(3).build())
                    .build();
            String record = "app." + domain;
            CfnRecordSet.Builder.create(recovery, "PrimaryRecord").hostedZoneId(zone.getRef()).name(record).type("A")
                    .ttl("60").setIdentifier("primary").weight(shape.primaryWeight()).healthCheckId(check.getAttrHealthCheckId())
                    .resourceRecords(List.of("192.0.2.10")).build();
            CfnRecordSet.Builder.create(recovery, "RecoveryRecord").hostedZoneId(zone.getRef()).name(record).type("A")
                    .ttl("60").setIdentifier("recovery").weight(shape.recoveryWeight())
                    .resourceRecords(List.of("198.51.100.10")).build();

            Map<String, Object> fleetPlan = new java.util.LinkedHashMap<>();
            fleetPlan.put("region", RECOVERY);
            fleetPlan.put("autoScalingGroupName", standby.getRef());
            fleetPlan.put("standby", capacity(shape.standby()));
            fleetPlan.put("recovery", capacity(shape.recovery()));
            if (shape.recoveryType() != null) {
                fleetPlan.put("standbyInstanceType", shape.standbyType());
                fleetPlan.put("recoveryInstanceType", shape.recoveryType());
            }
            Map<String, Object> plan = new java.util.LinkedHashMap<>();
            plan.put("version", 1);
            plan.put("application", shape.name());
            plan.put("strategy", shape.strategy().name());
            plan.put("primaryRegion", PRIMARY);
            plan.put("recoveryRegion", RECOVERY);
            plan.put("fleets", List.of(fleetPlan));
            plan.put("dns", List.of(Map.of("hostedZoneId", zone.getRef(), "records", List.of(
                    Map.of("routing", "WEIGHTED", "name", record, "type", "A", "setIdentifier", "primary",
                            "normalWeight", shape.primaryWeight(), "failoverWeight", 0),
                    Map.of("routing", "WEIGHTED", "name", record, "type", "A", "setIdentifier", "recovery",
                            "normalWeight", shape.recoveryWeight(), "failoverWeight", 100)))));
            if (shape.strategy() == DrStrategy.MULTI_SITE) {
                // The switch's alarm, as MultiSiteWeightedDns declares it (moto does not create it from the template).
                software.amazon.awscdk.services.cloudwatch.CfnAlarm.Builder.create(primary, "SwitchAlarm")
                        .namespace("drkit").metricName("SiteEnabled")
                        .dimensions(List.of(
                                software.amazon.awscdk.services.cloudwatch.CfnAlarm.DimensionProperty.builder()
                                        .name("Application").value(shape.name()).build(),
                                software.amazon.awscdk.services.cloudwatch.CfnAlarm.DimensionProperty.builder()
                                        .name("Site").value("primary").build()))
                        .statistic("Minimum").period(60).evaluationPeriods(1).threshold(1)
                        .comparisonOperator("LessThanThreshold").treatMissingData("ignore").build();
                // The data-plane switch beside the weighted records: the primary's metric, as MultiSiteWeightedDns writes it.
                plan.put("siteSwitches", List.of(Map.of("region", PRIMARY, "site", "primary", "namespace", "drkit",
                        "metricName", "SiteEnabled", "dimensions", Map.of("Application", shape.name(), "Site", "primary"),
                        "normalValue", 1, "failoverValue", 0)));
            }
            plan.put("healthTimeoutSeconds", 60);
            Function function = Function.Builder.create(recovery, "FailoverFunction")
                    .runtime(Runtime.PYTHON_3_12)
                    .handler("index.handler")
                    .code(Code.fromInline("def handler(event, context):\n    return event\n"))
                    .environment(Map.of("DRKIT_PLAN", recovery.toJsonString(plan)))
                    .build();
            // The drill runs the engine as this function's role with IAM enforced: it gets the permission table's
            // actions for the plan's step kinds, as FailoverFunction's role does (on "*": the emulator matches actions only).
            List<String> kinds = new java.util.ArrayList<>(List.of("fleet", "dns"));
            if (shape.recoveryType() != null) {
                kinds.add("vertical-scaling");
            }
            if (shape.strategy() == DrStrategy.MULTI_SITE) {
                kinds.add("site-switch");
            }
            // The drill runs evaluate as this role too; FailoverFunction grants every function evaluate's reads.
            kinds.add("readiness");
            kinds.forEach(kind -> function.addToRolePolicy(PolicyStatement.Builder.create()
                    .actions(RuntimePermissions.actions(kind).stream().filter(a -> !a.equals(withoutAction)).toList())
                    .resources(List.of("*")).build()));
            new Budget(recovery, "RecoveryEstimate", shape);
            RecoveryObjectives.builder().rto(software.amazon.awscdk.Duration.seconds(shape.objective().toSeconds())).build().applyTo(recovery);
        };
    }

    private static Map<String, Integer> capacity(int[] c) {
        return Map.of("min", c[0], "desired", c[1], "max", c[2]);
    }

    private static CfnAutoScalingGroup fleet(Stack stack, String id, int min, int desired, int max, String instanceType) {
        CfnLaunchTemplate template = CfnLaunchTemplate.Builder.create(stack, id + "Template")
                .launchTemplateData(CfnLaunchTemplate.LaunchTemplateDataProperty.builder()
                        .imageId("ami-12c6146b").instanceType(instanceType)
                        .metadataOptions(CfnLaunchTemplate.MetadataOptionsProperty.builder().httpTokens("required").build())
                        .build())
                .build();
        return CfnAutoScalingGroup.Builder.create(stack, id)
                .minSize(Integer.toString(min)).desiredCapacity(Integer.toString(desired)).maxSize(Integer.toString(max))
                .availabilityZones(List.of(stack.getRegion() + "a", stack.getRegion() + "b"))
                .launchTemplate(CfnAutoScalingGroup.LaunchTemplateSpecificationProperty.builder()
                        .launchTemplateId(template.getRef()).version(template.getAttrLatestVersionNumber()).build())
                .build();
    }

    /** The recovery estimate of a test app: the physical terms the strategy passes through. */
    static final class Budget extends Construct implements RecoveryEstimator {
        private final Shape shape;

        Budget(Construct scope, String id, Shape shape) {
            super(scope, id);
            this.shape = shape;
        }

        @Override
        public RecoveryEstimate recoveryEstimate() {
            List<io.github.drkit.objectives.EstimateTerm> terms = new java.util.ArrayList<>(List.of(
                    EstimateTerms.failureDetection(Duration.ofSeconds(30), 3, null),
                    EstimateTerms.dnsPropagation(),
                    EstimateTerms.dnsTtl(Duration.ofSeconds(60), null)));
            if (shape.computeStart()) {
                terms.add(EstimateTerms.computeStart(EstimateTerms.DEFAULT_INSTANCE_BOOT, Duration.ofSeconds(30), null));
            }
            return RecoveryEstimate.builder().source(getNode().getPath()).strategy(shape.strategy()).rtoTerms(terms).build();
        }
    }
}

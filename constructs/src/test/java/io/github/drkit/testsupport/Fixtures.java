package io.github.drkit.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.route53.HostedZone;
import software.amazon.awscdk.services.route53.HostedZoneAttributes;
import software.amazon.awscdk.services.route53.IHostedZone;

/** A fresh app and stack per test, in the recovery Region, with a VPC and an imported zone. */
public final class Fixtures {
    public static final String ACCOUNT = "111111111111";
    public static final String ZONE_ID = "Z0123456789ABCDEFGHIJ";
    public static final String ZONE_NAME = "example.com";

    private Fixtures() {
    }

    public static Stack stack(String region) {
        App app = new App();
        return new Stack(app, "Test", StackProps.builder()
                .env(Environment.builder().account(ACCOUNT).region(region).build()).build());
    }

    public static Stack recoveryStack() {
        return stack("us-west-2");
    }

    public static IVpc vpc(Stack stack) {
        Object existing = stack.getNode().tryFindChild("Vpc");
        return existing != null ? (IVpc) existing : Vpc.Builder.create(stack, "Vpc").maxAzs(2).natGateways(1).build();
    }

    public static IHostedZone zone(Stack stack) {
        Object existing = stack.getNode().tryFindChild("Zone");
        if (existing != null) {
            return (IHostedZone) existing;
        }
        return HostedZone.fromHostedZoneAttributes(stack, "Zone",
                HostedZoneAttributes.builder().hostedZoneId(ZONE_ID).zoneName(ZONE_NAME).build());
    }

    /** Every IAM policy statement of every AWS::IAM::Role and AWS::IAM::Policy in the template. */
    // Safe: CDK hands template JSON over as Map<String, Object> objects and List arrays (jsii's mapping of JSON).
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> policyStatements(Template template) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object r : template.findResources("AWS::IAM::Role").values()) {
            Map<String, Object> props = (Map<String, Object>) ((Map<String, Object>) r).get("Properties");
            Object policies = props.get("Policies");
            if (policies instanceof List) {
                for (Object p : (List<Object>) policies) {
                    out.addAll((List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) p).get("PolicyDocument")).get("Statement"));
                }
            }
        }
        for (Object r : template.findResources("AWS::IAM::Policy").values()) {
            Map<String, Object> props = (Map<String, Object>) ((Map<String, Object>) r).get("Properties");
            out.addAll((List<Map<String, Object>>) ((Map<String, Object>) props.get("PolicyDocument")).get("Statement"));
        }
        return out;
    }

    /**
     * Least privilege, read from the template: every Allow statement whose action changes something
     * names resources other than "*"; the one exception AWS forces, cloudwatch:PutMetricData, must
     * carry a cloudwatch:namespace condition. Returns how many mutating actions were checked.
     */
    // Safe: CDK hands template JSON over as Map<String, Object> objects and List arrays (jsii's mapping of JSON).
    @SuppressWarnings("unchecked")
    public static int assertNoMutatingActionOnWildcard(Template template) {
        int checked = 0;
        for (Map<String, Object> s : policyStatements(template)) {
            if (!"Allow".equals(s.get("Effect"))) {
                continue;
            }
            List<Object> actions = s.get("Action") instanceof List ? (List<Object>) s.get("Action") : List.of(s.get("Action"));
            List<Object> resources = s.get("Resource") instanceof List ? (List<Object>) s.get("Resource") : List.of(s.get("Resource"));
            for (Object a : actions) {
                String action = (String) a;
                String verb = action.substring(action.indexOf(':') + 1);
                if (verb.startsWith("Describe") || verb.startsWith("Get") || verb.startsWith("List")) {
                    continue;
                }
                checked++;
                if (resources.contains("*")) {
                    if (!"cloudwatch:PutMetricData".equals(action)) {
                        throw new AssertionError("mutating action " + action + " on *: " + s);
                    }
                    Object condition = s.get("Condition");
                    if (!(condition instanceof Map) || !((Map<String, Object>) condition).containsKey("StringEquals")
                            || !((Map<String, Object>) ((Map<String, Object>) condition).get("StringEquals")).containsKey("cloudwatch:namespace")) {
                        throw new AssertionError("cloudwatch:PutMetricData on * without a cloudwatch:namespace condition: " + s);
                    }
                }
            }
        }
        return checked;
    }
}

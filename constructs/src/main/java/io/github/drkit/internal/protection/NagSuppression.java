package io.github.drkit.internal.protection;

import software.amazon.awscdk.CfnResource;
import software.constructs.IConstruct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes cdk-nag suppressions as resource metadata, the format cdk-nag's {@code NagSuppressions}
 * writes, so that the constructs library does not depend on cdk-nag. Every suppression carries the
 * reason a security reviewer reads; {@code appliesTo} narrows it to one finding (one managed policy,
 * one resource pattern) so that a new finding on the same resource is still reported.
 */
public final class NagSuppression {
    private NagSuppression() {
    }

    /** A finding pattern for {@code appliesTo}, in cdk-nag's "/pattern/flags" form. */
    public static Map<String, String> regex(String pattern) {
        return Map.of("regex", "/" + pattern + "/g");
    }

    /**
     * @param construct a CloudFormation resource, or an L2 whose default child is one
     * @param ruleId    e.g. "AwsSolutions-IAM4"
     * @param reason    why the finding does not apply (at least 10 characters, cdk-nag's rule)
     * @param appliesTo the findings it covers, e.g. "Policy::arn:&lt;AWS::Partition&gt;:iam::aws:policy/...",
     *                  or {@link #regex} patterns; empty for the whole rule
     */
    public static void add(IConstruct construct, String ruleId, String reason, List<?> appliesTo) {
        CfnResource resource = construct instanceof CfnResource c ? c : (CfnResource) construct.getNode().getDefaultChild();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", ruleId);
        entry.put("reason", reason);
        if (!appliesTo.isEmpty()) {
            entry.put("applies_to", List.copyOf(appliesTo));
        }
        Object existing = resource.getMetadata("cdk_nag");
        List<Object> rules = new ArrayList<>();
        if (existing instanceof Map<?, ?> m && m.get("rules_to_suppress") instanceof List<?> l) {
            rules.addAll(l);
        }
        rules.add(entry);
        resource.addMetadata("cdk_nag", Map.of("rules_to_suppress", rules));
    }
}

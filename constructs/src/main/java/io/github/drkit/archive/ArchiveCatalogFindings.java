package io.github.drkit.archive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.constructs.IConstruct;

/**
 * The cdk-nag findings of the archive catalog that stand, each with the reason a security reviewer reads.
 * Written as resource metadata in cdk-nag's format (the library does not depend on cdk-nag), narrowed with
 * {@code applies_to} so that any other finding on the same resource is still reported.
 */
final class ArchiveCatalogFindings {
    /** CDK's construct id of the stack-wide function that writes bucket notification configurations. */
    static final String NOTIFICATIONS_HANDLER_ID = "BucketNotificationsHandler050a0587b7544547bf325f094a3db834";

    private ArchiveCatalogFindings() {
    }

    /** The catalog's own roles: object ARNs under the indexed prefix, and their own log group's streams. */
    static void role(IConstruct role, String keyPrefix) {
        IConstruct policy = role.getNode().findChild("DefaultPolicy");
        String prefix = keyPrefix == null ? "" : java.util.regex.Pattern.quote(keyPrefix);
        add(policy, "AwsSolutions-IAM5", "Object-level S3 actions (read an object's metadata and tags, restore it, read "
                + "it back) name objects, so they need the bucket/prefix* ARN pattern of exactly the indexed bucket; the "
                + "catalog reads any object in it because any object may be archived there.",
                List.of(regex("^Resource::(<[^>]+\\.Arn>|arn:<AWS::Partition>:s3:::[^/]+)/" + prefix + "\\*$")));
        add(policy, "AwsSolutions-IAM5", "Lambda writes to log streams it names at run time; the statement is limited to "
                + "the streams of this function's own log group (instead of the AWSLambdaBasicExecutionRole managed policy).",
                List.of(regex("^Resource::<[^>]+\\.Arn>:log-stream:\\*$")));
    }

    /** The request role's inventory search: the objects of the report and result folders. */
    static void inventorySearch(IConstruct role) {
        IConstruct policy = role.getNode().findChild("DefaultPolicy");
        add(policy, "AwsSolutions-IAM5", "Athena reads the inventory report files and writes and reads query results with the "
                + "caller's permissions, under object keys it chooses; the statements name exactly the reports bucket's inventory/ "
                + "folder and the results bucket's athena/ folder.",
                List.of(regex("^Resource::<[^>]+\\.Arn>/(inventory|athena)/\\*$")));
    }

    /** Java 21 rather than the newest Java runtime. */
    static void runtime(IConstruct function) {
        add(function, "AwsSolutions-L1", "Java 21 is the LTS runtime drkit-lambda is built and tested for, and a supported "
                + "Lambda runtime; moving to a newer Java runtime is a tested release of the runtime, not a deploy-time choice.",
                List.of());
    }

    /** aws-cdk-lib's BucketNotificationsHandler: CDK's role, not the catalog's to shape. */
    static void notificationsHandler(Stack stack) {
        IConstruct handler = stack.getNode().tryFindChild(NOTIFICATIONS_HANDLER_ID);
        IConstruct role = handler == null ? null : handler.getNode().tryFindChild("Role");
        if (role == null || suppresses(role, "AwsSolutions-IAM4")) {
            return;
        }
        add(role, "AwsSolutions-IAM4", "aws-cdk-lib's BucketNotificationsHandler, which runs only during deployment to "
                + "write the bucket notification configuration, uses the AWSLambdaBasicExecutionRole managed policy for its "
                + "own logs; CDK exposes no way to replace it.",
                List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
        IConstruct policy = role.getNode().tryFindChild("DefaultPolicy");
        if (policy != null) {
            add(policy, "AwsSolutions-IAM5", "aws-cdk-lib's BucketNotificationsHandler is granted only "
                    + "s3:PutBucketNotification; CDK writes it on '*' because one handler serves every bucket of the "
                    + "stack, and it runs only during deployment.", List.of("Resource::*"));
        }
    }

    private static Map<String, String> regex(String pattern) {
        return Map.of("regex", "/" + pattern + "/");
    }

    private static CfnResource resource(IConstruct construct) {
        return construct instanceof CfnResource c ? c : (CfnResource) construct.getNode().getDefaultChild();
    }

    private static boolean suppresses(IConstruct construct, String ruleId) {
        return rules(resource(construct)).stream().anyMatch(r -> r instanceof Map<?, ?> m && ruleId.equals(m.get("id")));
    }

    private static List<Object> rules(CfnResource resource) {
        Object existing = resource.getMetadata("cdk_nag");
        List<Object> rules = new ArrayList<>();
        if (existing instanceof Map<?, ?> m && m.get("rules_to_suppress") instanceof List<?> l) {
            rules.addAll(l);
        }
        return rules;
    }

    private static void add(IConstruct construct, String ruleId, String reason, List<Object> appliesTo) {
        CfnResource resource = resource(construct);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", ruleId);
        entry.put("reason", reason);
        if (!appliesTo.isEmpty()) {
            entry.put("applies_to", List.copyOf(appliesTo));
        }
        List<Object> rules = rules(resource);
        rules.add(entry);
        resource.addMetadata("cdk_nag", Map.of("rules_to_suppress", rules));
    }
}

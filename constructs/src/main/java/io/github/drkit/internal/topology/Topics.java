package io.github.drkit.internal.topology;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/** The notification topic of a recovery topology: encrypted, TLS only, usable by alarms and Auto Scaling. */
public final class Topics {
    private Topics() {
    }

    /** {@code given}, or a new encrypted topic named {@code displayName} when none is given. */
    public static ITopic givenOrEncrypted(Construct scope, ITopic given, String displayName) {
        return given != null ? given : encrypted(scope, displayName);
    }

    public static ITopic encrypted(Construct scope, String displayName) {
        // A customer managed key: CloudWatch alarms and Auto Scaling cannot publish to a topic
        // encrypted with the AWS managed SNS key, whose policy cannot be changed.
        Key key = Key.Builder.create(scope, "TopicKey")
                .description(displayName + " notifications")
                .enableKeyRotation(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        key.grant(new ServicePrincipal("cloudwatch.amazonaws.com"), "kms:Decrypt", "kms:GenerateDataKey*");
        // Auto Scaling publishes as its service-linked role; naming it by condition keeps the key
        // deployable before the role exists.
        Stack stack = Stack.of(scope);
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AutoScalingNotifications")
                .effect(Effect.ALLOW)
                .principals(List.of(new AccountRootPrincipal()))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .conditions(Map.of("ArnEquals", Map.of("aws:PrincipalArn", "arn:" + stack.getPartition() + ":iam::" + stack.getAccount()
                        + ":role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling")))
                .build());
        return Topic.Builder.create(scope, "Notifications")
                .displayName(displayName)
                .masterKey(key)
                .enforceSsl(true)
                .build();
    }
}

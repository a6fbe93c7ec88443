package io.github.drkit.apps;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * The on-call channel of the recovery Region: every failover, failback and backup failure is published
 * to this topic. It lives in the recovery Region so that it still works when the primary Region does not.
 */
public final class NotificationsStack extends Stack {
    private final Topic topic;

    public NotificationsStack(Construct scope, String id, StackProps props) {
        super(scope, id, props);
        Key key = Key.Builder.create(this, "TopicKey")
                .description("Encrypts drkit recovery notifications")
                .enableKeyRotation(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        // AWS Backup and CloudWatch alarms publish to the topic, so they must be able to use its key.
        key.grantEncryptDecrypt(new ServicePrincipal("backup.amazonaws.com"));
        key.grantEncryptDecrypt(new ServicePrincipal("cloudwatch.amazonaws.com"));
        this.topic = Topic.Builder.create(this, "Topic")
                .displayName("drkit recovery notifications")
                .masterKey(key)
                .enforceSsl(true)
                .build();
    }

    public Topic getTopic() {
        return topic;
    }
}

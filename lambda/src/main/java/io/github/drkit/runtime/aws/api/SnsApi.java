package io.github.drkit.runtime.aws.api;

import io.github.drkit.runtime.aws.QueryProtocol;
import io.github.drkit.runtime.aws.QueryProtocol.Params;

/** The SNS operations a recovery needs. */
public final class SnsApi {
    private final QueryProtocol query;

    public SnsApi(QueryProtocol query) {
        this.query = query;
    }

    /** Reads the topic's attributes: fails with error code {@code NotFound} when the topic does not exist. */
    public void checkTopic(String region, String topicArn) {
        query.call(region, "GetTopicAttributes", Params.of().put("TopicArn", topicArn));
    }

    /** Publishes a message; returns its message id. */
    public String publish(String region, String topicArn, String subject, String message) {
        return query.call(region, "Publish", Params.of().put("TopicArn", topicArn).put("Subject", subject).put("Message", message))
                .text("PublishResult/MessageId");
    }
}

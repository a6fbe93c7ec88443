package io.github.drkit.runtime.aws.api;

import java.util.List;

import io.github.drkit.runtime.aws.QueryProtocol;
import io.github.drkit.runtime.aws.QueryProtocol.Params;

/** The Elastic Load Balancing (v2) operation a recovery needs. */
public final class ElbApi {
    private final QueryProtocol query;

    public ElbApi(QueryProtocol query) {
        this.query = query;
    }

    /** The health state ({@code healthy}, {@code initial}, ...) of each registered target of a target group. */
    public List<String> targetStates(String region, String targetGroupArn) {
        return query.call(region, "DescribeTargetHealth", Params.of().put("TargetGroupArn", targetGroupArn))
                .all("DescribeTargetHealthResult/TargetHealthDescriptions/member").stream()
                .map(t -> t.text("TargetHealth/State"))
                .toList();
    }
}

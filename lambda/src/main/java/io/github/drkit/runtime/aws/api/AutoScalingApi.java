package io.github.drkit.runtime.aws.api;

import java.util.ArrayList;
import java.util.List;

import io.github.drkit.runtime.aws.QueryProtocol;
import io.github.drkit.runtime.aws.QueryProtocol.Params;
import io.github.drkit.runtime.aws.Xml;

/** The Auto Scaling operations a recovery needs. */
public final class AutoScalingApi {
    /** Bounds the pages of one listing. */
    private static final int MAX_PAGES = 100;

    private final QueryProtocol query;

    public AutoScalingApi(QueryProtocol query) {
        this.query = query;
    }

    /** The named groups that exist, in the order AWS lists them; a missing name is simply absent. */
    public List<AutoScalingGroup> describe(String region, List<String> names) {
        List<AutoScalingGroup> groups = new ArrayList<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Xml result = query.call(region, "DescribeAutoScalingGroups",
                    Params.of().list("AutoScalingGroupNames.member", names).put("NextToken", token))
                    .first("DescribeAutoScalingGroupsResult");
            result.all("AutoScalingGroups/member").forEach(g -> groups.add(group(g)));
            token = result.text("NextToken");
            if (token == null || token.isEmpty()) {
                return groups;
            }
        }
        throw new IllegalStateException("DescribeAutoScalingGroups returned more than " + MAX_PAGES + " pages; stopped listing");
    }

    private static AutoScalingGroup group(Xml g) {
        List<AutoScalingGroup.Instance> instances = g.all("Instances/member").stream()
                .map(i -> new AutoScalingGroup.Instance(i.text("InstanceId"), i.text("LifecycleState"), i.text("HealthStatus"),
                        i.text("InstanceType")))
                .toList();
        Xml template = g.first("LaunchTemplate");
        AutoScalingGroup.LaunchTemplateRef ref = template == null ? null : new AutoScalingGroup.LaunchTemplateRef(
                template.text("LaunchTemplateId"), template.text("LaunchTemplateName"), template.text("Version"));
        return new AutoScalingGroup(g.text("AutoScalingGroupName"), g.number("MinSize").intValue(),
                g.number("DesiredCapacity").intValue(), g.number("MaxSize").intValue(), instances, ref,
                hasMixedInstancesPolicy(g), g.text("LaunchConfigurationName"));
    }

    /**
     * True when the group launches through a mixed instances policy. {@code LaunchTemplate} is a required member of the
     * policy, so an element without one holds no policy (moto answers an empty element for groups CloudFormation made).
     */
    static boolean hasMixedInstancesPolicy(Xml group) {
        Xml policy = group.first("MixedInstancesPolicy");
        return policy != null && policy.first("LaunchTemplate") != null;
    }

    /**
     * Sets a group's capacity and, when the request names one, the launch template version it launches from.
     */
    public void update(UpdateAutoScalingGroupRequest request) {
        Params params = Params.of().put("AutoScalingGroupName", request.groupName())
                .put("MinSize", request.minSize()).put("DesiredCapacity", request.desiredCapacity()).put("MaxSize", request.maxSize());
        if (request.launchTemplateVersion() != null) {
            params.put("LaunchTemplate.LaunchTemplateId", request.launchTemplateId())
                    .put("LaunchTemplate.Version", request.launchTemplateVersion());
        }
        query.call(request.region(), "UpdateAutoScalingGroup", params);
    }
}

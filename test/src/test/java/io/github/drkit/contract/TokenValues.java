package io.github.drkit.contract;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Replaces CloudFormation intrinsics in a synthesized value with what they resolve to at deploy time,
 * in realistic shapes: an ASG name, a target group ARN, a load balancer DNS name. An intrinsic or a
 * resource type it does not know is an error, so a new kind of token in a plan is noticed here.
 */
final class TokenValues {
    private final Map<String, Object> resources;
    private final String region;
    private final String account;

    TokenValues(Map<String, Object> resources, String region, String account) {
        this.resources = resources;
        this.region = region;
        this.account = account;
    }

    // Safe: CDK hands template JSON over as Map<String, Object> objects and List arrays (jsii's mapping of JSON).
    @SuppressWarnings("unchecked")
    Object resolve(Object node) {
        if (node instanceof List<?> list) {
            return list.stream().map(this::resolve).collect(Collectors.toList());
        }
        if (!(node instanceof Map<?, ?> map)) {
            return node;
        }
        if (map.size() == 1) {
            Map.Entry<String, Object> e = ((Map<String, Object>) map).entrySet().iterator().next();
            switch (e.getKey()) {
                case "Ref":
                    return ref((String) e.getValue());
                case "Fn::GetAtt":
                    List<Object> att = (List<Object>) e.getValue();
                    return getAtt((String) att.get(0), (String) att.get(1));
                case "Fn::Join":
                    List<Object> join = (List<Object>) e.getValue();
                    return ((List<Object>) resolve(join.get(1))).stream().map(String::valueOf).collect(Collectors.joining((String) join.get(0)));
                case "Fn::Select":
                    List<Object> select = (List<Object>) e.getValue();
                    return ((List<Object>) resolve(select.get(1))).get(Integer.parseInt(String.valueOf(resolve(select.get(0)))));
                case "Fn::Split":
                    List<Object> split = (List<Object>) e.getValue();
                    return List.of(String.valueOf(resolve(split.get(1))).split(java.util.regex.Pattern.quote((String) split.get(0)), -1));
                default:
                    if (e.getKey().startsWith("Fn::")) {
                        throw new IllegalStateException("unsupported intrinsic " + e.getKey() + " in a plan");
                    }
            }
        }
        return ((Map<String, Object>) map).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, x -> resolve(x.getValue()), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    // Safe: CDK hands template JSON over as Map<String, Object> objects and List arrays (jsii's mapping of JSON).
    @SuppressWarnings("unchecked")
    private String ref(String name) {
        switch (name) {
            case "AWS::Partition":
                return "aws";
            case "AWS::Region":
                return region;
            case "AWS::AccountId":
                return account;
            case "AWS::URLSuffix":
                return "amazonaws.com";
            default:
                break;
        }
        Map<String, Object> resource = (Map<String, Object>) resources.get(name);
        if (resource == null) {
            throw new IllegalStateException("Ref to " + name + ", which is not a resource of the stack");
        }
        String type = (String) resource.get("Type");
        Map<String, Object> props = (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
        String lower = name.toLowerCase(Locale.ROOT);
        switch (type) {
            case "AWS::AutoScaling::AutoScalingGroup":
                return "drkit-" + name;
            case "AWS::RDS::DBInstance":
                return props.get("DBInstanceIdentifier") instanceof String id ? id : lower.substring(0, Math.min(63, lower.length()));
            case "AWS::RDS::DBCluster":
                return props.get("DBClusterIdentifier") instanceof String id ? id : lower.substring(0, Math.min(63, lower.length()));
            case "AWS::ElasticLoadBalancingV2::TargetGroup":
                return "arn:aws:elasticloadbalancing:" + region + ":" + account + ":targetgroup/" + shortName(name) + "/0123456789abcdef";
            case "AWS::SNS::Topic":
                return "arn:aws:sns:" + region + ":" + account + ":" + name;
            case "AWS::EC2::LaunchTemplate":
                return "lt-0123456789abcdef0";
            case "AWS::SSM::Parameter":
                return "/drkit/" + name;
            case "AWS::Route53::HealthCheck":
                return "abcdef01-2345-6789-abcd-ef0123456789";
            case "AWS::CloudWatch::Alarm":
                return name;
            case "AWS::ECS::Cluster":
                return "drkit-" + name;
            default:
                throw new IllegalStateException("Ref to a " + type + " (" + name + ") in a plan: give it a realistic value here");
        }
    }

    private String getAtt(String name, String attribute) {
        switch (attribute) {
            case "DNSName":
                return shortName(name).toLowerCase(Locale.ROOT) + "-1234567890." + region + ".elb.amazonaws.com";
            case "CanonicalHostedZoneID":
                return "us-east-1".equals(region) ? "Z35SXDOTRQ7X7K" : "Z1H1FL5HABSF5";
            case "Arn":
                return "arn:aws:service:" + region + ":" + account + ":" + name;
            case "Name":
                // An ECS service's name.
                return name;
            case "GroupId":
                // A security group's id: sg- and 17 hex digits, one per group.
                return String.format("sg-%017x", name.hashCode() & 0xffffffffL);
            default:
                throw new IllegalStateException("Fn::GetAtt " + name + "." + attribute + " in a plan: give it a realistic value here");
        }
    }

    private static String shortName(String logicalId) {
        return logicalId.length() <= 32 ? logicalId : logicalId.substring(0, 32);
    }
}

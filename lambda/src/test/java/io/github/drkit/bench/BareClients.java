package io.github.drkit.bench;

import java.time.Duration;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * The cold-start baseline: builds the SDK clients {@code status} builds for the benchmark plan (Auto Scaling,
 * ELBv2, Route 53; url-connection HTTP client; endpoint and Region from the environment) and, with
 * {@code calls}, makes the same reads. No plan, no engine, no JSON.
 */
public final class BareClients {
    private BareClients() {
    }

    public static void main(String[] args) {
        SdkHttpClient http = UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5)).build();
        Region region = Region.of(System.getenv("AWS_REGION"));
        try (AutoScalingClient asg = AutoScalingClient.builder().region(region).httpClient(http).build();
             ElasticLoadBalancingV2Client elb = ElasticLoadBalancingV2Client.builder().region(region).httpClient(http).build();
             Route53Client route53 = Route53Client.builder().region(Region.AWS_GLOBAL).httpClient(http).build()) {
            if (args.length > 0 && args[0].equals("calls")) {
                asg.describeAutoScalingGroups(r -> r.autoScalingGroupNames("web"));
                elb.describeTargetHealth(r -> r.targetGroupArn(args[1]));
                route53.listResourceRecordSets(r -> r.hostedZoneId(args[2]));
            }
        }
        http.close();
    }
}

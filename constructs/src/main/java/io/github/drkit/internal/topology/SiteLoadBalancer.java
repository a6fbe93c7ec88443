package io.github.drkit.internal.topology;

import io.github.drkit.internal.plan.NagFindings;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.certificatemanager.ICertificate;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.RedirectOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * An internet-facing Application Load Balancer with one target group. Its target health check is
 * tight (every 10 s, healthy after 2) because failover waits on it before DNS moves.
 */
public final class SiteLoadBalancer {
    /** Target group health check interval and healthy threshold: 10 s x 2. */
    public static final int TARGET_HEALTH_INTERVAL_SECONDS = 10;
    public static final int TARGET_HEALTHY_THRESHOLD = 2;

    private final ApplicationLoadBalancer loadBalancer;
    private final ApplicationTargetGroup targetGroup;
    private final SecurityGroup securityGroup;

    public SiteLoadBalancer(Construct scope, IVpc vpc, int targetPort, String healthCheckPath, ICertificate certificate, IBucket accessLogs) {
        this(scope, vpc, targetPort, healthCheckPath, certificate, accessLogs, TargetType.INSTANCE);
    }

    /** @param targetType INSTANCE for EC2 fleets, IP for Fargate tasks (awsvpc network mode) */
    public SiteLoadBalancer(Construct scope, IVpc vpc, int targetPort, String healthCheckPath, ICertificate certificate, IBucket accessLogs,
                            TargetType targetType) {
        this.securityGroup = SecurityGroup.Builder.create(scope, "LoadBalancerSecurityGroup")
                .vpc(vpc)
                .description("Public entry point of the recovery site")
                .allowAllOutbound(false)
                .build();
        NagFindings.suppress(securityGroup, "AwsSolutions-EC23", "Internet-facing load balancer of the recovery site: clients connect "
                + "from any address, only HTTP 80 and HTTPS 443 are open, and the servers accept traffic from this group alone.", List.of());
        this.loadBalancer = ApplicationLoadBalancer.Builder.create(scope, "LoadBalancer")
                .vpc(vpc)
                .internetFacing(true)
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
                .securityGroup(securityGroup)
                .dropInvalidHeaderFields(true)
                .build();
        if (accessLogs != null) {
            loadBalancer.logAccessLogs(accessLogs, "drkit");
        }
        this.targetGroup = ApplicationTargetGroup.Builder.create(scope, "TargetGroup")
                .vpc(vpc)
                .port(targetPort)
                .protocol(ApplicationProtocol.HTTP)
                .targetType(targetType)
                .deregistrationDelay(Duration.seconds(30))
                .healthCheck(software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck.builder()
                        .path(healthCheckPath)
                        .interval(Duration.seconds(TARGET_HEALTH_INTERVAL_SECONDS))
                        .timeout(Duration.seconds(5))
                        .healthyThresholdCount(TARGET_HEALTHY_THRESHOLD)
                        .unhealthyThresholdCount(2)
                        .build())
                .build();
        if (certificate != null) {
            securityGroup.addIngressRule(Peer.anyIpv4(), Port.tcp(443), "HTTPS from clients");
            securityGroup.addIngressRule(Peer.anyIpv4(), Port.tcp(80), "HTTP from clients, redirected to HTTPS");
            loadBalancer.addListener("Https", BaseApplicationListenerProps.builder()
                    .port(443)
                    .protocol(ApplicationProtocol.HTTPS)
                    .certificates(List.of(ListenerCertificate.fromCertificateManager(certificate)))
                    .sslPolicy(SslPolicy.RECOMMENDED_TLS)
                    .open(false)
                    .defaultTargetGroups(List.of(targetGroup))
                    .build());
            loadBalancer.addListener("Http", BaseApplicationListenerProps.builder()
                    .port(80)
                    .protocol(ApplicationProtocol.HTTP)
                    .open(false)
                    .defaultAction(ListenerAction.redirect(RedirectOptions.builder().protocol("HTTPS").port("443").permanent(true).build()))
                    .build());
        } else {
            securityGroup.addIngressRule(Peer.anyIpv4(), Port.tcp(80), "HTTP from clients");
            loadBalancer.addListener("Http", BaseApplicationListenerProps.builder()
                    .port(80)
                    .protocol(ApplicationProtocol.HTTP)
                    .open(false)
                    .defaultTargetGroups(List.of(targetGroup))
                    .build());
        }
    }

    public ApplicationLoadBalancer loadBalancer() {
        return loadBalancer;
    }

    public ApplicationTargetGroup targetGroup() {
        return targetGroup;
    }

    public SecurityGroup securityGroup() {
        return securityGroup;
    }

    /** Worst case from a registered target to a healthy one: interval x healthy threshold. */
    public static java.time.Duration targetHealthTime() {
        return java.time.Duration.ofSeconds((long) TARGET_HEALTH_INTERVAL_SECONDS * TARGET_HEALTHY_THRESHOLD);
    }
}

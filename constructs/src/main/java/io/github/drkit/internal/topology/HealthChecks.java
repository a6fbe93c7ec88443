package io.github.drkit.internal.topology;

import io.github.drkit.failover.Endpoint;
import io.github.drkit.failover.HealthCheckOptions;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.route53.HealthCheck;
import software.amazon.awscdk.services.route53.HealthCheckType;
import software.amazon.awscdk.services.route53.IHostedZone;
import software.constructs.Construct;

/** Route 53 health checks on endpoints. */
public final class HealthChecks {
    private HealthChecks() {
    }

    /**
     * @param hostHeader the name sent as Host (and SNI) when the endpoint is an IP address
     */
    public static HealthCheck onEndpoint(Construct scope, String id, Endpoint endpoint, HealthCheckOptions options, IHostedZone zone,
            String hostHeader) {
        HealthCheck.Builder b = HealthCheck.Builder.create(scope, id)
                .type(options.getHttps() ? HealthCheckType.HTTPS : HealthCheckType.HTTP)
                .port(options.getPort())
                .resourcePath(options.getPath())
                .requestInterval(Duration.seconds(options.getInterval().toSeconds()))
                .failureThreshold(options.getFailureThreshold());
        if (endpoint.kind() == Endpoint.Kind.IP_ADDRESS) {
            b.ipAddress(endpoint.value()).fqdn(hostHeader);
        } else {
            b.fqdn(endpoint.healthCheckFqdn(zone));
        }
        if (options.getHttps()) {
            b.enableSni(true);
        }
        return b.build();
    }
}

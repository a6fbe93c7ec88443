package io.github.drkit.objectives.pricing;

import static io.github.drkit.objectives.pricing.TemplateValues.asMap;
import static io.github.drkit.objectives.pricing.TemplateValues.num;
import static io.github.drkit.objectives.pricing.TemplateValues.str;
import static io.github.drkit.objectives.pricing.TemplateValues.truthy;

import java.util.Map;
import java.util.Objects;

/**
 * A Route 53 health check: monthly, at the AWS-endpoint or other-endpoint rate, plus each optional
 * feature (fast interval, HTTPS, string match, latency measurement).
 */
final class HealthCheckPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::Route53::HealthCheck";
    }

    @Override
    public void price(PricedResource r) {
        Map<String, Object> config = asMap(r.property("HealthCheckConfig"));
        String checkType = Objects.requireNonNullElse(str(config.get("Type")), "HTTP");
        Object fqdn = config.get("FullyQualifiedDomainName");
        String literal = str(fqdn);
        // Calculated and metric checks, and checks of an AWS resource, are priced as AWS endpoints.
        boolean aws = checkType.equals("CALCULATED") || checkType.equals("CLOUDWATCH_METRIC")
                || checkType.equals("RECOVERY_CONTROL") || (fqdn != null && literal == null)
                || (literal != null && literal.endsWith(".amazonaws.com"));
        String endpoint = aws ? "aws" : "other";
        r.charge("route53:health-check-" + endpoint, 1, checkType + " health check (" + (aws ? "AWS" : "non-AWS")
                + " endpoint)");
        int options = 0;
        if (Double.valueOf(10).equals(num(config.get("RequestInterval")))) {
            options++;
        }
        if (checkType.startsWith("HTTPS")) {
            options++;
        }
        if (checkType.endsWith("STR_MATCH")) {
            options++;
        }
        if (truthy(config.get("MeasureLatency"))) {
            options++;
        }
        if (options > 0) {
            r.charge("route53:health-check-option-" + endpoint, options, options
                    + " optional feature(s) (fast interval, HTTPS, string match, latency)");
        }
    }
}

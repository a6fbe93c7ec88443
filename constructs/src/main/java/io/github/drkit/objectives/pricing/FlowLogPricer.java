package io.github.drkit.objectives.pricing;

import static io.github.drkit.objectives.pricing.TemplateValues.str;

import java.util.Objects;

/**
 * A VPC flow log: delivery is charged per GB of log data (vended logs), which follows the traffic the
 * VPC carries, so it cannot be priced from the template and is always listed unpriced. The bucket or
 * log group it delivers to is priced on its own.
 */
final class FlowLogPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::EC2::FlowLog";
    }

    @Override
    public void price(PricedResource r) {
        String destination = Objects.requireNonNullElse(str(r.property("LogDestinationType")), "cloud-watch-logs");
        r.unpriced("flow-log delivery to " + destination + " is charged per GB of logs, which follows traffic; not priced");
    }
}

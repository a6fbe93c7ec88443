package io.github.drkit.objectives.pricing;

import static io.github.drkit.objectives.pricing.TemplateValues.asList;
import static io.github.drkit.objectives.pricing.TemplateValues.asMap;
import static io.github.drkit.objectives.pricing.TemplateValues.str;

import java.util.List;
import java.util.Map;

/** An EC2 instance: its type and volumes, or only its volumes when it is kept stopped in standby. */
final class InstancePricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::EC2::Instance";
    }

    @Override
    public void price(PricedResource r) {
        String instanceType = str(r.property("InstanceType"));
        Map<String, Object> launch = r.getProperties().containsKey("LaunchTemplate")
                ? LaunchData.ofTemplate(r, asMap(r.property("LaunchTemplate"))) : Map.of();
        if (instanceType == null) {
            instanceType = str(launch.get("InstanceType"));
        }
        if (r.isStoppedInStandby()) {
            r.free("1 x " + instanceType + " stopped in standby: volumes only");
        } else if (instanceType == null) {
            r.unpriced("InstanceType is not a literal");
        } else {
            r.charge("ec2:" + instanceType, 1, "1 x " + instanceType);
        }
        List<Object> mappings = asList(r.property("BlockDeviceMappings"));
        Ec2Volumes.charge(r, mappings.isEmpty() ? asList(launch.get("BlockDeviceMappings")) : mappings, 1);
    }
}

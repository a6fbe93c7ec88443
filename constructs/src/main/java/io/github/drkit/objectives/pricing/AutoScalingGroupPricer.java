package io.github.drkit.objectives.pricing;

import static io.github.drkit.objectives.pricing.TemplateValues.asList;
import static io.github.drkit.objectives.pricing.TemplateValues.num;
import static io.github.drkit.objectives.pricing.TemplateValues.str;

import java.util.Map;

/**
 * An Auto Scaling group: DesiredCapacity (else MinSize) instances of the type its launch template,
 * launch configuration or first mixed-instances override names, with their EBS volumes.
 */
final class AutoScalingGroupPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::AutoScaling::AutoScalingGroup";
    }

    @Override
    public void price(PricedResource r) {
        Double desired = num(r.property("DesiredCapacity"));
        Double count = desired != null ? desired : num(r.property("MinSize"));
        if (count == null) {
            r.unpriced("DesiredCapacity and MinSize are not literals");
            return;
        }
        String basis = desired != null ? "desired capacity" : "minimum size";
        Map<String, Object> launch = LaunchData.ofGroup(r);
        String instanceType = str(launch.get("InstanceType"));
        if (instanceType == null) {
            r.unpriced("instance type not found in its launch template or configuration");
            return;
        }
        int n = count.intValue();
        if (n == 0) {
            r.free("0 x " + instanceType + " (" + basis + " 0: nothing runs in standby)");
            return;
        }
        r.charge("ec2:" + instanceType, n, n + " x " + instanceType + " (" + basis + ")");
        Ec2Volumes.charge(r, asList(launch.get("BlockDeviceMappings")), n);
    }
}

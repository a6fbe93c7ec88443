package io.github.drkit.objectives.pricing;

import static io.github.drkit.objectives.pricing.TemplateValues.asList;
import static io.github.drkit.objectives.pricing.TemplateValues.asMap;
import static io.github.drkit.objectives.pricing.TemplateValues.gb;
import static io.github.drkit.objectives.pricing.TemplateValues.num;
import static io.github.drkit.objectives.pricing.TemplateValues.ref;
import static io.github.drkit.objectives.pricing.TemplateValues.str;

import java.util.List;
import java.util.Map;

/**
 * An EKS managed node group: its desired size (else its minimum, which EKS then starts with) in nodes of its first
 * instance type, at the EC2 on-demand price, with their root volumes. The instance type comes from {@code InstanceTypes},
 * else from its launch template, else EKS's default t3.medium. Spot capacity follows the Spot market and is not priced.
 */
final class EksNodegroupPricer implements ResourcePricer {
    /** The instance type EKS launches when neither the node group nor its launch template names one (CreateNodegroup API). */
    static final String DEFAULT_INSTANCE_TYPE = "t3.medium";
    /** The root volume EKS gives Linux nodes without a launch template: 20 GiB (CreateNodegroup API, diskSize). */
    static final double DEFAULT_DISK_GB = 20;
    /** The volume type of that root volume, which the API does not state: assumed gp2, as EKS's generated launch templates use. */
    static final String DEFAULT_DISK_TYPE = "gp2";

    @Override
    public String resourceType() {
        return "AWS::EKS::Nodegroup";
    }

    @Override
    public void price(PricedResource r) {
        Map<String, Object> scaling = asMap(r.property("ScalingConfig"));
        Double desired = num(scaling.get("DesiredSize"));
        Double count = desired != null ? desired : num(scaling.get("MinSize"));
        if (count == null) {
            r.unpriced("ScalingConfig DesiredSize and MinSize are not literals");
            return;
        }
        String basis = desired != null ? "desired size" : "minimum size";
        if ("SPOT".equals(str(r.property("CapacityType")))) {
            r.unpriced("Spot capacity: its price follows the Spot market");
            return;
        }
        Map<String, Object> launch = launchData(r);
        List<Object> types = asList(r.property("InstanceTypes"));
        String instanceType = !types.isEmpty() ? str(types.get(0)) : str(launch.get("InstanceType"));
        boolean defaultType = types.isEmpty() && !launch.containsKey("InstanceType");
        if (defaultType) {
            instanceType = DEFAULT_INSTANCE_TYPE;
        }
        if (instanceType == null) {
            r.unpriced("its instance type is not a literal");
            return;
        }
        int n = count.intValue();
        if (n == 0) {
            r.free("0 x " + instanceType + " (" + basis + " 0: no node runs in standby)");
            return;
        }
        r.charge("ec2:" + instanceType, n, n + " x " + instanceType + " (" + basis + (defaultType ? ", EKS's default type" : "") + ")");
        List<Object> mappings = asList(launch.get("BlockDeviceMappings"));
        if (!mappings.isEmpty()) {
            Ec2Volumes.charge(r, mappings, n);
            return;
        }
        Double disk = num(r.property("DiskSize"));
        double size = disk != null ? disk : DEFAULT_DISK_GB;
        r.charge("ebs:" + DEFAULT_DISK_TYPE, n * size, n + " x " + gb(size) + " GB EBS " + DEFAULT_DISK_TYPE + " (node root volume"
                + (disk == null ? ", EKS's default size" : "") + "; type assumed)");
    }

    /** The data of the launch template its {@code LaunchTemplate} specification ({@code Id} or {@code Name}) refers to. */
    private static Map<String, Object> launchData(PricedResource r) {
        Map<String, Object> spec = asMap(r.property("LaunchTemplate"));
        String lt = ref(spec.get("Id"));
        if (lt == null) {
            lt = ref(spec.get("Name"));
        }
        return asMap(r.propertiesOf(lt).get("LaunchTemplateData"));
    }
}

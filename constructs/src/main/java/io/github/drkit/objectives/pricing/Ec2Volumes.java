package io.github.drkit.objectives.pricing;

import static io.github.drkit.objectives.pricing.TemplateValues.asMap;
import static io.github.drkit.objectives.pricing.TemplateValues.gb;
import static io.github.drkit.objectives.pricing.TemplateValues.num;
import static io.github.drkit.objectives.pricing.TemplateValues.str;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The EBS volumes of instances, from their block device mappings. */
final class Ec2Volumes {
    /** An AMI's root volume when the template declares none: Amazon Linux 2023's 8 GiB gp3. */
    static final double DEFAULT_ROOT_VOLUME_GB = 8;
    static final String DEFAULT_ROOT_VOLUME_TYPE = "gp3";

    private Ec2Volumes() {
    }

    /** Charges the EBS volumes of n instances; an instance that declares none keeps its AMI's root volume. */
    static void charge(PricedResource resource, List<Object> mappings, int n) {
        boolean any = false;
        for (Object m : mappings) {
            Map<String, Object> ebs = asMap(asMap(m).get("Ebs"));
            if (ebs.isEmpty()) {
                continue;
            }
            any = true;
            Double size = num(ebs.get("VolumeSize"));
            String volumeType = Objects.requireNonNullElse(str(ebs.get("VolumeType")), "gp2");
            if (size == null) {
                size = DEFAULT_ROOT_VOLUME_GB;
            }
            resource.charge("ebs:" + volumeType, n * size, n + " x " + gb(size) + " GB EBS " + volumeType);
        }
        if (!any) {
            resource.charge("ebs:" + DEFAULT_ROOT_VOLUME_TYPE, n * DEFAULT_ROOT_VOLUME_GB, n + " x " + gb(DEFAULT_ROOT_VOLUME_GB)
                    + " GB EBS " + DEFAULT_ROOT_VOLUME_TYPE + " (AMI root volume, assumed)");
        }
    }
}

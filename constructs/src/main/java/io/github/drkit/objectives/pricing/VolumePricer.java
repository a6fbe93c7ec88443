package io.github.drkit.objectives.pricing;

import static io.github.drkit.objectives.pricing.TemplateValues.gb;
import static io.github.drkit.objectives.pricing.TemplateValues.num;
import static io.github.drkit.objectives.pricing.TemplateValues.str;

import java.util.Objects;

/** An EBS volume: size x type. */
final class VolumePricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::EC2::Volume";
    }

    @Override
    public void price(PricedResource r) {
        Double size = num(r.property("Size"));
        String volumeType = Objects.requireNonNullElse(str(r.property("VolumeType")), "gp2");
        if (size == null) {
            r.unpriced("Size is not a literal (a volume from a snapshot takes its size)");
            return;
        }
        r.charge("ebs:" + volumeType, size, gb(size) + " GB EBS " + volumeType);
    }
}

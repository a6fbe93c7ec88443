package io.github.drkit.objectives.pricing;

import static io.github.drkit.objectives.pricing.TemplateValues.asList;
import static io.github.drkit.objectives.pricing.TemplateValues.asMap;
import static io.github.drkit.objectives.pricing.TemplateValues.ref;
import static io.github.drkit.objectives.pricing.TemplateValues.str;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The launch template data an instance or Auto Scaling group launches with, looked up in the template. */
final class LaunchData {
    private LaunchData() {
    }

    /** The launch template data (or launch configuration properties) an Auto Scaling group uses. */
    static Map<String, Object> ofGroup(PricedResource asg) {
        Map<String, Object> lt = asMap(asg.property("LaunchTemplate"));
        Map<String, Object> mixed = asMap(asMap(asg.property("MixedInstancesPolicy")).get("LaunchTemplate"));
        if (lt.isEmpty() && !mixed.isEmpty()) {
            lt = asMap(mixed.get("LaunchTemplateSpecification"));
            List<Object> overrides = asList(mixed.get("Overrides"));
            if (!overrides.isEmpty() && str(asMap(overrides.get(0)).get("InstanceType")) != null) {
                Map<String, Object> data = new HashMap<>(ofTemplate(asg, lt));
                data.put("InstanceType", asMap(overrides.get(0)).get("InstanceType"));
                return data;
            }
        }
        if (!lt.isEmpty()) {
            return ofTemplate(asg, lt);
        }
        return asg.propertiesOf(ref(asg.property("LaunchConfigurationName")));
    }

    /** The data of the launch template a {@code LaunchTemplate} specification refers to. */
    static Map<String, Object> ofTemplate(PricedResource resource, Map<String, Object> spec) {
        String lt = ref(spec.get("LaunchTemplateId"));
        if (lt == null) {
            lt = ref(spec.get("LaunchTemplateName"));
        }
        return asMap(resource.propertiesOf(lt).get("LaunchTemplateData"));
    }
}

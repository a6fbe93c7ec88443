package io.github.drkit.apps.drill;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.SiteSwitchPlan;
import io.github.drkit.runtime.readiness.Finding;

/**
 * The switch alarms a template declares and moto 5.2.1 skips ({@code AWS::CloudWatch::Alarm} is not created from a
 * template): evaluate rightly finds no alarm on such a switch metric in the emulator, and the drill says the finding is
 * the emulator's, naming the alarm the template holds, instead of counting it against the plan.
 */
final class SkippedAlarms {
    private SkippedAlarms() {
    }

    /** The skipped alarm that would watch the switch a finding is about; null when the finding is not one of these. */
    static String explaining(Finding finding, RecoveryPlan plan, List<DeployedStack> deployed) {
        if (finding.category() != Finding.Category.EXISTENCE || !finding.problem().startsWith("no threshold alarm watches the switch")) {
            return null;
        }
        SiteSwitchPlan site = plan.siteSwitches().stream().filter(s -> s.path().equals(finding.path())).findFirst().orElse(null);
        if (site == null) {
            return null;
        }
        for (DeployedStack stack : deployed) {
            for (Iterator<Map.Entry<String, JsonNode>> it = stack.stack().resources().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> resource = it.next();
                JsonNode properties = resource.getValue().path("Properties");
                if ("AWS::CloudWatch::Alarm".equals(resource.getValue().path("Type").asText())
                        && stack.notRepresented().contains(resource.getKey() + " (AWS::CloudWatch::Alarm)")
                        && site.namespace().equals(properties.path("Namespace").asText())
                        && site.metricName().equals(properties.path("MetricName").asText())
                        && dimensions(properties.path("Dimensions")).equals(site.dimensions())) {
                    return stack.stack().stackName() + " " + resource.getKey();
                }
            }
        }
        return null;
    }

    private static Map<String, String> dimensions(JsonNode list) {
        Map<String, String> out = new java.util.TreeMap<>();
        list.forEach(d -> out.put(d.path("Name").asText(), d.path("Value").asText()));
        return out;
    }
}

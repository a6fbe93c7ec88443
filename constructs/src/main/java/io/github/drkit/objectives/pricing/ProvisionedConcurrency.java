package io.github.drkit.objectives.pricing;

import static io.github.drkit.objectives.pricing.TemplateValues.asList;
import static io.github.drkit.objectives.pricing.TemplateValues.asMap;
import static io.github.drkit.objectives.pricing.TemplateValues.gb;
import static io.github.drkit.objectives.pricing.TemplateValues.num;
import static io.github.drkit.objectives.pricing.TemplateValues.refOrGetAtt;
import static io.github.drkit.objectives.pricing.TemplateValues.str;

import java.util.Map;

/**
 * Lambda provisioned concurrency on an alias or a version: charged per GB of the function's memory
 * for every hour it is configured, idle or not. An alias or version without it costs nothing idle.
 */
final class ProvisionedConcurrency {
    /** Lambda's memory when the function does not state one. */
    static final double DEFAULT_MEMORY_MB = 128;

    private ProvisionedConcurrency() {
    }

    static void charge(PricedResource r) {
        Double executions = num(asMap(r.property("ProvisionedConcurrencyConfig")).get("ProvisionedConcurrentExecutions"));
        if (executions == null) {
            if (r.getProperties().containsKey("ProvisionedConcurrencyConfig")) {
                r.unpriced("ProvisionedConcurrentExecutions is not a literal");
            }
            return;
        }
        if (executions == 0) {
            return;
        }
        String functionId = refOrGetAtt(r.property("FunctionName"));
        Map<String, Object> function = r.propertiesOf(functionId);
        if (!r.hasResource(functionId)) {
            r.unpriced(gb(executions) + " provisioned concurrency of a function outside the template not priced");
            return;
        }
        Double memory = num(function.get("MemorySize"));
        if (memory == null && function.containsKey("MemorySize")) {
            r.unpriced("provisioned concurrency: the function's MemorySize is not a literal");
            return;
        }
        double mb = memory == null ? DEFAULT_MEMORY_MB : memory;
        String architecture = asList(function.get("Architectures")).isEmpty() ? "x86_64"
                : String.valueOf(str(asList(function.get("Architectures")).get(0)));
        double gbs = executions * mb / 1024;
        r.charge("lambda:provisioned-concurrency-" + architecture, gbs, gb(executions) + " x " + gb(mb)
                + " MB provisioned concurrency (" + architecture + ")");
    }
}

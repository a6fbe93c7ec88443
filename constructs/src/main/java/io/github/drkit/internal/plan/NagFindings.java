package io.github.drkit.internal.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnResource;
import software.constructs.IConstruct;

/**
 * Writes a cdk-nag suppression as resource metadata (cdk-nag's own format, so the library does not
 * depend on cdk-nag), with findings given literally or as {@code regex:/.../} when they contain
 * logical ids that only synthesis knows. Each suppression keeps the reason a security reviewer reads.
 */
public final class NagFindings {
    private NagFindings() {
    }

    @SuppressWarnings("unchecked")
    public static void suppress(IConstruct construct, String ruleId, String reason, List<String> findings) {
        CfnResource resource = construct instanceof CfnResource c ? c : (CfnResource) construct.getNode().getDefaultChild();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", ruleId);
        entry.put("reason", reason);
        if (!findings.isEmpty()) {
            List<Object> appliesTo = new ArrayList<>();
            for (String f : findings) {
                appliesTo.add(f.startsWith("regex:") ? Map.of("regex", f.substring("regex:".length())) : f);
            }
            entry.put("applies_to", appliesTo);
        }
        Object existing = resource.getMetadata("cdk_nag");
        List<Object> rules = new ArrayList<>();
        if (existing instanceof Map<?, ?> m && m.get("rules_to_suppress") instanceof List<?> l) {
            rules.addAll(l);
        }
        rules.add(entry);
        resource.addMetadata("cdk_nag", Map.of("rules_to_suppress", rules));
    }
}

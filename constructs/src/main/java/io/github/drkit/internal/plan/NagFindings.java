package io.github.drkit.internal.plan;

import io.github.drkit.internal.protection.NagSuppression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.constructs.IConstruct;

/**
 * Writes a cdk-nag suppression as resource metadata (cdk-nag's own format, so the library does not
 * depend on cdk-nag), with findings given literally or as {@code regex:/.../} when they contain
 * logical ids that only synthesis knows. Each suppression keeps the reason a security reviewer reads.
 */
public final class NagFindings {
    private NagFindings() {
    }

    /** {@link NagSuppression#add}, with each {@code regex:/.../} finding turned into cdk-nag's regex form. */
    public static void suppress(IConstruct construct, String ruleId, String reason, List<String> findings) {
        List<Object> appliesTo = new ArrayList<>();
        for (String f : findings) {
            appliesTo.add(f.startsWith("regex:") ? Map.of("regex", f.substring("regex:".length())) : f);
        }
        NagSuppression.add(construct, ruleId, reason, appliesTo);
    }
}

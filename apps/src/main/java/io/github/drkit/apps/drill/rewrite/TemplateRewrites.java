package io.github.drkit.apps.drill.rewrite;

import io.github.drkit.apps.drill.AssemblyStack;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The rewrites the drill applies, in order, to every template it deploys into the emulator. */
public final class TemplateRewrites {
    private static final List<TemplateRewrite> ALL = List.of(
            new NameUnnamedSsmParameters(),
            new DropFlowLogS3Prefix(),
            new DropCrossRegionReplicaSubnetGroup(),
            new DropInstancesOfSkippedClusters(),
            new ClusterReferencesAsIdentifiers(),
            new HealthCheckIdAsRef(),
            new LoadBalancerZoneAsLiteral(),
            new AlarmReferencesAsLiterals(),
            new RestoreTestingPlanReferencesAsLiterals(),
            new AliasReferencesAsFunction(),
            new DropBucketNotifications());

    private TemplateRewrites() {
    }

    /** The template, changed only where the emulator cannot take it as synthesized; each change is recorded. */
    public static ObjectNode apply(AssemblyStack stack, List<String> adaptations) {
        ObjectNode template = stack.template().deepCopy();
        for (TemplateRewrite rewrite : ALL) {
            rewrite.apply(template, stack, adaptations);
        }
        return template;
    }
}

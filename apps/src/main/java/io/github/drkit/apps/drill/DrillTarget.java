package io.github.drkit.apps.drill;

import io.github.drkit.failover.FailoverFunction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one drill deploys and fails over: the stacks of one strategy, found from the failover function
 * that carries its recovery plan.
 *
 * <p>A stack with a Lambda function whose environment names {@code DRKIT_PLAN} or
 * {@code DRKIT_PLAN_PARAMETER} anchors a target. The target takes that stack, the stacks that depend on
 * it, its sibling stacks (same name up to the last {@code -}, e.g. {@code shop-pilot-light-primary} beside
 * {@code shop-pilot-light-recovery}: the primary site of a strategy often shares no reference with its
 * recovery site), and everything those need to deploy.
 *
 * @param name       the anchor stack's name without its last segment, e.g. {@code shop-pilot-light}
 * @param planStack  the stack of the failover function
 * @param functions  logical ids of the failover functions in {@code planStack}
 * @param stacks     every stack of the target, in deploy order
 */
public record DrillTarget(String name, AssemblyStack planStack, List<String> functions, List<AssemblyStack> stacks) {
    /** The environment variable holding the plan itself. */
    public static final String PLAN_VARIABLE = FailoverFunction.PLAN_VARIABLE;
    /** The environment variable naming the SSM parameter that holds the plan. */
    public static final String PLAN_PARAMETER_VARIABLE = FailoverFunction.PLAN_PARAMETER_VARIABLE;

    public DrillTarget {
        functions = List.copyOf(functions);
        stacks = List.copyOf(stacks);
    }

    /** One target per stack that carries a failover function, in stack-name order. */
    public static List<DrillTarget> discover(CloudAssembly assembly) {
        List<DrillTarget> targets = new ArrayList<>();
        for (AssemblyStack stack : assembly.stacks().stream()
                .sorted((a, b) -> a.stackName().compareTo(b.stackName())).toList()) {
            List<String> functions = failoverFunctions(stack.template());
            if (functions.isEmpty()) {
                continue;
            }
            String prefix = prefix(stack.stackName());
            Set<String> members = new LinkedHashSet<>();
            members.add(stack.artifactId());
            members.addAll(assembly.dependents(stack.artifactId()));
            for (AssemblyStack other : assembly.stacks()) {
                if (!other.artifactId().equals(stack.artifactId()) && prefix(other.stackName()).equals(prefix)
                        && failoverFunctions(other.template()).isEmpty()) {
                    members.add(other.artifactId());
                }
            }
            targets.add(new DrillTarget(prefix, stack, functions, assembly.deployOrder(members)));
        }
        return targets;
    }

    /** Logical ids of the Lambda functions whose environment carries a recovery plan. */
    static List<String> failoverFunctions(JsonNode template) {
        List<String> ids = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            if (!"AWS::Lambda::Function".equals(r.getValue().path("Type").asText())) {
                continue;
            }
            JsonNode vars = r.getValue().path("Properties").path("Environment").path("Variables");
            if (vars.has(PLAN_VARIABLE) || vars.has(PLAN_PARAMETER_VARIABLE)) {
                ids.add(r.getKey());
            }
        }
        return ids;
    }

    static String prefix(String stackName) {
        int dash = stackName.lastIndexOf('-');
        return dash > 0 ? stackName.substring(0, dash) : stackName;
    }

    /** The Regions the target deploys to. */
    public List<String> regions() {
        return stacks.stream().map(AssemblyStack::region).distinct().toList();
    }
}

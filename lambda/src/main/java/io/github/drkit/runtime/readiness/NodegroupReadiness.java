package io.github.drkit.runtime.readiness;

import java.util.List;
import java.util.concurrent.Callable;

import io.github.drkit.plan.Capacity;
import io.github.drkit.plan.NodegroupPlan;
import io.github.drkit.plan.ScaleNodegroupKind;
import io.github.drkit.runtime.aws.AwsServiceError;
import io.github.drkit.runtime.aws.api.EksNodegroup;

/**
 * EKS node groups: the node group exists and is ACTIVE (EKS refuses a scaling update while it is not, and a DEGRADED one
 * may not launch the nodes asked for). A maxSize below the recovery desired size is not a finding of its own: failover
 * sets each count to at least the recovery's (the executor's rule, {@link Capacity#atLeast}), max included, and the
 * finding says what it will set. One DescribeNodegroup per step (the API reads one node group a call), all at once.
 */
public final class NodegroupReadiness implements ReadinessCheck<NodegroupPlan> {
    @Override
    public String kind() {
        return ScaleNodegroupKind.NAME;
    }

    @Override
    public Class<NodegroupPlan> type() {
        return NodegroupPlan.class;
    }

    @Override
    public List<Finding> check(List<NodegroupPlan> steps, ReadinessContext context) {
        List<Callable<Finding>> reads = steps.stream().map(step -> (Callable<Finding>) () -> nodegroup(step, context)).toList();
        return context.all(reads);
    }

    private static Finding nodegroup(NodegroupPlan step, ReadinessContext context) {
        String resource = "EKS node group " + step.clusterName() + "/" + step.nodegroupName() + " (" + step.region() + ")";
        EksNodegroup live;
        try {
            live = context.aws(step).eks().describeNodegroup(step.region(), step.clusterName(), step.nodegroupName());
        } catch (AwsServiceError e) {
            if (e.is("ResourceNotFoundException")) {
                return Finding.of(Severity.CRITICAL, Finding.Category.EXISTENCE, step.path() + ".nodegroupName", resource, "EKS node group '"
                                + step.nodegroupName() + "' not found in cluster '" + step.clusterName() + "' in " + step.region()
                                + " (" + e.getMessage() + "): failover cannot scale it",
                        "redeploy the stack that creates the node group (and its cluster), or correct the plan's clusterName and nodegroupName");
            }
            return ReadinessContext.unchecked(step.path(), resource, "the node group", e);
        } catch (RuntimeException e) {
            return ReadinessContext.unchecked(step.path(), resource, "the node group", e);
        }
        Capacity scaling = live.scaling();
        if (!"ACTIVE".equals(live.status())) {
            return Finding.of(Severity.CRITICAL, Finding.Category.EXISTENCE, step.path(), resource, "the node group is " + live.status()
                            + ", not ACTIVE (at " + sizes(scaling) + "): EKS refuses its scaling update until it is ACTIVE, and a node group"
                            + " in this state may not launch the nodes failover asks for",
                    "read the node group's health issues (aws eks describe-nodegroup --region " + step.region() + " --cluster-name "
                            + step.clusterName() + " --nodegroup-name " + step.nodegroupName() + " --query nodegroup.health) and fix them;"
                            + " an update under way ends on its own");
        }
        Capacity target = scaling.atLeast(step.recovery());
        String raised = scaling.max() < step.recovery().desired() ? "; its maxSize " + scaling.max() + " is below the recovery desired size "
                + step.recovery().desired() + ", and failover raises it to " + target.max() + " with the other counts" : "";
        return Finding.of(Severity.INFO, Finding.Category.EXISTENCE, step.path(), resource, "ACTIVE at min/desired/max " + sizes(scaling)
                + "; failover sets " + sizes(target) + raised, "none");
    }

    private static String sizes(Capacity capacity) {
        return capacity.min() + "/" + capacity.desired() + "/" + capacity.max();
    }
}

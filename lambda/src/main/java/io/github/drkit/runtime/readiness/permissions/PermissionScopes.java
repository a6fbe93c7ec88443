package io.github.drkit.runtime.readiness.permissions;

import java.util.List;

import io.github.drkit.plan.PlanStep;

/**
 * What the failover role grants one plan step kind ({@link io.github.drkit.plan.StepKind}), as the permissions check of
 * {@code evaluate} simulates it: the permission table's kinds whose rows the kind's steps need, and per scope of those
 * rows the resources (and condition values) the role grants them on, as the constructs' statements for the kind scope
 * them ({@code io.github.drkit.internal.plan.*Permissions}). Found with {@link java.util.ServiceLoader} (the
 * {@code META-INF/services/io.github.drkit.runtime.readiness.permissions.PermissionScopes} file of this module), one per
 * kind, the way the engine finds its executors and evaluate its readiness checks; the check names no kind.
 *
 * <p>A kind whose steps call nothing (a health gate, a manual approval) registers one too, with no table kinds, so that
 * every kind says what it needs, even nothing.
 *
 * @param <T> the model type of the kind's steps
 */
public interface PermissionScopes<T extends PlanStep> {
    /** The kind covered, as {@link io.github.drkit.plan.StepKind#name()} names it. */
    String kind();

    /** The model type of the kind's steps. */
    Class<T> type();

    /**
     * The table's kinds ({@code runtime-permissions.tsv}) whose rows the step's calls are, e.g. {@code fleet} and, for a
     * fleet that changes instance type, {@code vertical-scaling}; empty for a kind that makes no AWS call.
     */
    List<String> tableKinds(T step);

    /**
     * What the role grants the step on one scope of its table kinds' rows: the resources, as the construct's statement
     * names them ({@link Grant#on}); {@link Grant#none()} when the step makes no call of that scope (a restore from a
     * snapshot makes no point-in-time call); {@link Grant#atRunTime} when the resource is known only when the step runs.
     *
     * @param tableKind the row's kind, one of {@link #tableKinds}
     * @param scope     the row's scope, e.g. {@code db}
     * @param account   the partition and account of the function's role, which the grants name
     * @return the grant; null for a scope this kind does not know (reported as not checked)
     */
    Grant grant(String tableKind, String scope, T step, Account account);
}

package io.github.drkit.runtime.engine;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.drkit.plan.AssumeRole;
import io.github.drkit.plan.PlanStep;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.Stage;
import io.github.drkit.runtime.aws.AwsClients;

/**
 * The clients each step's calls go through: the runtime's own, or, for a step that names a role in another account
 * ({@link AssumeRole}), a session of that role ({@link AwsClients#forRole}: one session per role, renewed before it
 * expires). The engine opens a plan's sessions for the length of a run; the steps of every plan being run (concurrent
 * runs included) are known by identity, so the step builders ask for a step's clients without carrying the plan.
 * {@code evaluate} reads through the same sessions ({@link io.github.drkit.runtime.readiness.ReadinessEvaluator}).
 */
public final class StepClients {
    /** The session tag that names the application: a workload role's policy may condition on it. */
    static final String APPLICATION_TAG = "drkit:application";

    private final AwsClients aws;
    private final Map<RecoveryPlan, Open> open = new IdentityHashMap<>();

    public StepClients(AwsClients aws) {
        this.aws = aws;
    }

    /** The runtime's own clients, for calls that belong to no step (the plan's topic, the report). */
    public AwsClients own() {
        return aws;
    }

    /** The clients for the step's calls: its role's session while a run of its plan is open; the runtime's own otherwise. */
    public AwsClients of(PlanStep step) {
        synchronized (open) {
            for (Open plan : open.values()) {
                AwsClients clients = plan.steps.get(step);
                if (clients != null) {
                    return clients;
                }
            }
        }
        return aws;
    }

    /**
     * Which credentials the step's calls are made with, as a key: the role and external id it assumes, or empty for the
     * runtime's own. Steps with equal keys may share a batched read.
     */
    public String account(PlanStep step) {
        synchronized (open) {
            for (Open plan : open.values()) {
                String key = plan.keys.get(step);
                if (key != null) {
                    return key;
                }
            }
        }
        return "";
    }

    /** Makes the plan's role sessions the clients of its steps until the matching {@link #close}; runs of one plan may overlap. */
    public void open(RecoveryPlan plan) {
        synchronized (open) {
            Open opened = open.computeIfAbsent(plan, p -> sessions(p));
            opened.runs++;
        }
    }

    /** Ends what the matching {@link #open} began: once every run of the plan has closed, its steps use the runtime's own clients. */
    public void close(RecoveryPlan plan) {
        synchronized (open) {
            Open opened = open.get(plan);
            if (opened != null && --opened.runs == 0) {
                open.remove(plan);
            }
        }
    }

    /** No call is made here: a session is assumed when the first call of one of its steps needs credentials. */
    private Open sessions(RecoveryPlan plan) {
        Open opened = new Open();
        for (Stage stage : plan.stages()) {
            stage.assumeRoles().forEach((index, role) -> {
                opened.steps.put(stage.steps().get(index), aws.forRole(role.roleArn(), role.externalId(), sessionName(plan), tags(plan)));
                opened.keys.put(stage.steps().get(index), role.roleArn() + "|" + role.externalId());
            });
        }
        return opened;
    }

    /** What CloudTrail shows in the workload account: which plan's runtime made the call. Session names end at 64 characters. */
    static String sessionName(RecoveryPlan plan) {
        String name = "drkit-" + plan.application();
        return name.length() <= 64 ? name : name.substring(0, 64);
    }

    private static Map<String, String> tags(RecoveryPlan plan) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(APPLICATION_TAG, plan.application());
        return tags;
    }

    private static final class Open {
        final Map<PlanStep, AwsClients> steps = new IdentityHashMap<>();
        final Map<PlanStep, String> keys = new IdentityHashMap<>();
        int runs;
    }
}

package io.github.drkit.failover;

import io.github.drkit.internal.plan.Checks;
import io.github.drkit.internal.plan.PlanRules;
import io.github.drkit.plan.PlanObjectives;
import io.github.drkit.plan.PlanWriter;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.Strategy;
import io.github.drkit.objectives.DrStrategy;
import io.github.drkit.plan.AssumeRole;
import io.github.drkit.plan.HealthGatePlan;
import io.github.drkit.plan.PlanStep;
import io.github.drkit.plan.Stage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The recovery plan (see docs/recovery-plan.md) a topology construct writes for its
 * {@link FailoverFunction}. Values may be CDK tokens (ASG names, zone ids, ARNs); the function renders
 * the plan with {@code Stack.toJsonString} so that they resolve at deploy time.
 */
public final class FailoverPlan {
    /** The plan version this library writes. */
    public static final int VERSION = RecoveryPlan.CURRENT_VERSION;
    /**
     * The stages a plan written by the constructs has, in the order failover runs them: each {@link RecoveryStep}
     * joins the one it names; the health gate alone is in {@code health}; empty stages are left out.
     */
    public static final List<String> STAGES = Stage.VERSION_1_STAGES;
    /** The runtime's default wait for health. */
    public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(600);

    private final String application;
    private final DrStrategy strategy;
    private final String primaryRegion;
    private final String recoveryRegion;
    private final List<PlanDatabase> databases;
    private final List<PlanInstances> instances;
    private final List<PlanFleet> fleets;
    private final List<PlanDnsZone> dns;
    private final List<PlanSiteSwitch> siteSwitches;
    private final List<RecoveryStep> otherSteps;
    private final Duration healthTimeout;
    private final String notificationTopicArn;
    private final Duration rto;
    private final Duration rpo;

    private FailoverPlan(Builder b) {
        String owner = "FailoverPlan";
        this.application = Checks.required(owner, "application", b.application);
        this.strategy = Checks.required(owner, "strategy", b.strategy);
        this.primaryRegion = b.primaryRegion;
        this.recoveryRegion = Checks.required(owner, "recoveryRegion", b.recoveryRegion);
        this.databases = b.databases == null ? List.of() : List.copyOf(b.databases);
        this.instances = b.instances == null ? List.of() : List.copyOf(b.instances);
        this.fleets = b.fleets == null ? List.of() : List.copyOf(b.fleets);
        this.dns = b.dns == null ? List.of() : List.copyOf(b.dns);
        this.siteSwitches = b.siteSwitches == null ? List.of() : List.copyOf(b.siteSwitches);
        this.otherSteps = b.otherSteps == null ? List.of() : List.copyOf(b.otherSteps);
        for (int i = 0; i < otherSteps.size(); i++) {
            String stage = otherSteps.get(i).stage();
            if (!STAGES.contains(stage) || "health".equals(stage)) {
                throw new IllegalArgumentException(owner + ": otherSteps[" + i + "] (" + otherSteps.get(i).toPlan().kind()
                        + ") names stage '" + stage + "'; a step joins one of " + STAGES.stream().filter(n -> !"health".equals(n)).toList());
            }
        }
        this.healthTimeout = b.healthTimeout == null ? DEFAULT_HEALTH_TIMEOUT : b.healthTimeout;
        this.notificationTopicArn = b.notificationTopicArn;
        this.rto = objective(owner, "rto", b.rto);
        this.rpo = objective(owner, "rpo", b.rpo);
        if (healthTimeout.toSeconds() < 60 || healthTimeout.toSeconds() > 840) {
            throw new IllegalArgumentException(owner + ": healthTimeout must be from 60 to 840 seconds, inside Lambda's 900 s limit (got "
                    + healthTimeout.toSeconds() + " s)");
        }
        if (steps().isEmpty()) {
            throw new IllegalArgumentException(owner + ": plan for " + application
                    + " changes nothing; it needs at least one of databases, instances, fleets, dns, siteSwitches or otherSteps");
        }
        // The whole plan through the runtime's reader: cross-item rules (unique resources, Regions) apply here.
        PlanRules.check(owner, () -> PlanRules.reader().read(toJson()));
    }

    /** A declared objective: whole seconds from 1 s to one year, as the plan holds it. */
    private static Duration objective(String owner, String prop, Duration value) {
        if (value != null && (value.isNegative() || value.isZero() || value.getNano() != 0 || value.getSeconds() > PlanObjectives.MAX_SECONDS)) {
            throw new IllegalArgumentException(owner + ": " + prop + " must be whole seconds from 1 s to " + PlanObjectives.MAX_SECONDS
                    + " s (got " + value + ")");
        }
        return value;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A copy of this plan that notifies the given topic. */
    public FailoverPlan withNotificationTopicArn(String topicArn) {
        return toBuilder().notificationTopicArn(topicArn).build();
    }

    public Builder toBuilder() {
        return builder().application(application).strategy(strategy).primaryRegion(primaryRegion).recoveryRegion(recoveryRegion)
                .databases(databases).instances(instances).fleets(fleets).dns(dns).siteSwitches(siteSwitches)
                .otherSteps(otherSteps).healthTimeout(healthTimeout).notificationTopicArn(notificationTopicArn).rto(rto).rpo(rpo);
    }

    public String application() {
        return application;
    }

    public DrStrategy strategy() {
        return strategy;
    }

    public String primaryRegion() {
        return primaryRegion;
    }

    public String recoveryRegion() {
        return recoveryRegion;
    }

    public List<PlanDatabase> databases() {
        return databases;
    }

    public List<PlanInstances> instances() {
        return instances;
    }

    public List<PlanFleet> fleets() {
        return fleets;
    }

    public List<PlanDnsZone> dns() {
        return dns;
    }

    public List<PlanSiteSwitch> siteSwitches() {
        return siteSwitches;
    }

    /** The steps of kinds without a list of their own here (each joins the stage it names). */
    public List<RecoveryStep> otherSteps() {
        return otherSteps;
    }

    /** Every step the plan runs but the health gate, stage by stage, in plan order within a stage. */
    public List<RecoveryStep> steps() {
        List<RecoveryStep> all = new ArrayList<>();
        for (String stage : STAGES) {
            all.addAll(stage(stage));
        }
        return all;
    }

    private List<RecoveryStep> stage(String name) {
        List<RecoveryStep> steps = new ArrayList<>();
        switch (name) {
            case "data" -> steps.addAll(databases);
            case "compute" -> {
                steps.addAll(instances);
                steps.addAll(fleets);
            }
            case "traffic" -> {
                steps.addAll(dns);
                steps.addAll(siteSwitches);
            }
            default -> {
            }
        }
        otherSteps.stream().filter(s -> s.stage().equals(name)).forEach(steps::add);
        return steps;
    }

    public Duration healthTimeout() {
        return healthTimeout;
    }

    /**
     * The time the plan's steps add to a failover beyond what the topology constructs estimate (approvals, custom
     * actions), in the order failover meets them; empty when they add none.
     */
    public List<io.github.drkit.objectives.EstimateTerm> rtoTerms() {
        List<io.github.drkit.objectives.EstimateTerm> terms = new ArrayList<>();
        steps().forEach(s -> terms.addAll(s.rtoTerms()));
        return terms;
    }

    public String notificationTopicArn() {
        return notificationTopicArn;
    }

    /** The declared recovery time objective; null when the plan declares none. */
    public Duration rto() {
        return rto;
    }

    /** The declared recovery point objective; null when the plan declares none. */
    public Duration rpo() {
        return rpo;
    }

    /** The same plan declaring these objectives (null for none), as {@link FailoverFunction} fills them from the stack. */
    public FailoverPlan withObjectives(Duration rto, Duration rpo) {
        return toBuilder().rto(rto).rpo(rpo).build();
    }

    /** The plan in the model both halves share, stage by stage; values may be tokens. */
    public RecoveryPlan toPlan() {
        List<Stage> stages = new ArrayList<>();
        for (String name : STAGES) {
            List<RecoveryStep> recoverySteps = "health".equals(name) ? List.of() : stage(name);
            List<PlanStep> steps = "health".equals(name)
                    ? List.of(new HealthGatePlan((int) healthTimeout.toSeconds(), null))
                    : recoverySteps.stream().map(s -> s.toPlan(rpo)).toList();
            // A step in another account carries the role the runtime assumes for it, beside the step.
            Map<Integer, AssumeRole> assumeRoles = new java.util.HashMap<>();
            for (int i = 0; i < recoverySteps.size(); i++) {
                if (recoverySteps.get(i).assumeRole() != null) {
                    assumeRoles.put(i, recoverySteps.get(i).assumeRole());
                }
            }
            if (!steps.isEmpty()) {
                stages.add(new Stage(name, steps, null, assumeRoles));
            }
        }
        return new RecoveryPlan(RecoveryPlan.CURRENT_VERSION, application, Strategy.valueOf(strategy.name()), primaryRegion, recoveryRegion,
                stages, notificationTopicArn, rto == null && rpo == null ? null
                : new PlanObjectives(rto == null ? null : (int) rto.getSeconds(), rpo == null ? null : (int) rpo.getSeconds()));
    }

    /** The plan as JSON-shaped maps and lists, written by the plan model's writer; values may be tokens. */
    public Map<String, Object> toJson() {
        return PlanWriter.toTree(toPlan());
    }

    public static final class Builder {
        private String application;
        private DrStrategy strategy;
        private String primaryRegion;
        private String recoveryRegion;
        private List<PlanDatabase> databases;
        private List<PlanInstances> instances;
        private List<PlanFleet> fleets;
        private List<PlanDnsZone> dns;
        private List<PlanSiteSwitch> siteSwitches;
        private List<RecoveryStep> otherSteps;
        private Duration healthTimeout;
        private String notificationTopicArn;
        private Duration rto;
        private Duration rpo;

        private Builder() {
        }

        public Builder application(String v) {
            this.application = v;
            return this;
        }

        public Builder strategy(DrStrategy v) {
            this.strategy = v;
            return this;
        }

        public Builder primaryRegion(String v) {
            this.primaryRegion = v;
            return this;
        }

        public Builder recoveryRegion(String v) {
            this.recoveryRegion = v;
            return this;
        }

        public Builder databases(List<PlanDatabase> v) {
            this.databases = v;
            return this;
        }

        public Builder instances(List<PlanInstances> v) {
            this.instances = v;
            return this;
        }

        public Builder fleets(List<PlanFleet> v) {
            this.fleets = v;
            return this;
        }

        public Builder dns(List<PlanDnsZone> v) {
            this.dns = v;
            return this;
        }

        public Builder siteSwitches(List<PlanSiteSwitch> v) {
            this.siteSwitches = v;
            return this;
        }

        /**
         * Steps of kinds that have no list of their own here; each joins the stage it names, after the steps of the
         * lists above in the same stage.
         *
         * @default none
         */
        public Builder otherSteps(List<? extends RecoveryStep> v) {
            this.otherSteps = v == null ? null : List.copyOf(v);
            return this;
        }

        /** @param v how long failover waits for health; default 600 s */
        public Builder healthTimeout(Duration v) {
            this.healthTimeout = v;
            return this;
        }

        public Builder notificationTopicArn(String v) {
            this.notificationTopicArn = v;
            return this;
        }

        /**
         * @param v the recovery time objective the plan declares, whole seconds; evaluate weighs its findings against it
         * @default the stack's {@code RecoveryObjectives} RTO when {@link FailoverFunction} runs the plan; else none
         */
        public Builder rto(Duration v) {
            this.rto = v;
            return this;
        }

        /**
         * @param v the recovery point objective the plan declares, whole seconds; evaluate weighs its findings against it
         * @default the stack's {@code RecoveryObjectives} RPO when {@link FailoverFunction} runs the plan; else none
         */
        public Builder rpo(Duration v) {
            this.rpo = v;
            return this;
        }

        public FailoverPlan build() {
            return new FailoverPlan(this);
        }
    }
}

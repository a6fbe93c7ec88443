package io.github.drkit.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A validated recovery plan: ordered stages of typed steps that failover runs, and that failback runs back in the
 * order each step kind defines. The JSON form is documented in {@code docs/recovery-plan.md} and
 * {@code docs/recovery-plan.schema.json}; a version 1 plan (typed lists) is read into the same stages.
 *
 * <p>Instances come only from {@link #parse(String)}, which rejects any plan the runtime could not carry out
 * safely, so every other part of the runtime can trust its content.
 *
 * @param version              the version of the document the plan was read from (1 or 2); written as
 *                             {@link #CURRENT_VERSION} whatever it was read from
 * @param primaryRegion        the Region that normally serves traffic; null when the plan does not say
 * @param notificationTopicArn the SNS topic that gets every report; null for none
 * @param objectives           the recovery time and point objectives the application declares; null when the
 *                             plan declares none
 */
public record RecoveryPlan(int version, String application, Strategy strategy, String primaryRegion,
                           String recoveryRegion, List<Stage> stages, String notificationTopicArn,
                           PlanObjectives objectives) {

    /** The plan version this library writes. */
    public static final int CURRENT_VERSION = 2;

    /** Every plan version this library reads. */
    public static final List<Integer> READABLE_VERSIONS = List.of(1, 2);

    /** How long failover waits for health when the plan does not say. */
    public static final int DEFAULT_HEALTH_TIMEOUT_SECONDS = 600;

    public RecoveryPlan {
        stages = List.copyOf(stages);
    }

    /** A plan that declares no objectives. */
    public RecoveryPlan(int version, String application, Strategy strategy, String primaryRegion,
                        String recoveryRegion, List<Stage> stages, String notificationTopicArn) {
        this(version, application, strategy, primaryRegion, recoveryRegion, stages, notificationTopicArn, null);
    }

    /** The same plan declaring {@code objectives} (null for none). */
    public RecoveryPlan withObjectives(PlanObjectives objectives) {
        return new RecoveryPlan(version, application, strategy, primaryRegion, recoveryRegion, stages, notificationTopicArn,
                objectives);
    }

    /**
     * A plan in the layout of version 1: typed lists converted to the stages {@code data} (databases),
     * {@code compute} (instances, then fleets), {@code health} (one health gate) and {@code traffic} (DNS zones,
     * then site switches); empty stages are left out, the health stage never is.
     */
    public RecoveryPlan(int version, String application, Strategy strategy, String primaryRegion, String recoveryRegion,
                        List<DatabasePlan> databases, List<InstancePlan> instances, List<FleetPlan> fleets,
                        List<ZonePlan> dns, List<SiteSwitchPlan> siteSwitches, int healthTimeoutSeconds,
                        String notificationTopicArn) {
        this(version, application, strategy, primaryRegion, recoveryRegion, version1Stages(Map.of(
                "data", List.copyOf(databases),
                "compute", concat(instances, fleets),
                "health", List.of(new HealthGatePlan(healthTimeoutSeconds, null)),
                "traffic", concat(dns, siteSwitches))), notificationTopicArn);
    }

    /**
     * Parses and validates a plan of any readable version.
     *
     * @throws PlanValidationException naming the first offending field, its value and the rule
     */
    public static RecoveryPlan parse(String json) {
        return PlanReader.strict().read(json);
    }

    /** Groups steps by their version 1 stage name into stages in version 1 order, leaving out empty ones. */
    static List<Stage> version1Stages(Map<String, ? extends List<? extends PlanStep>> byStage) {
        List<Stage> stages = new ArrayList<>();
        for (String name : Stage.VERSION_1_STAGES) {
            List<? extends PlanStep> steps = byStage.containsKey(name) ? byStage.get(name) : List.of();
            if (!steps.isEmpty()) {
                stages.add(new Stage(name, new ArrayList<>(steps)));
            }
        }
        return stages;
    }

    private static List<PlanStep> concat(List<? extends PlanStep> first, List<? extends PlanStep> second) {
        List<PlanStep> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** Every step of the plan, stage after stage. */
    public List<PlanStep> steps() {
        return stages.stream().flatMap(s -> s.steps().stream()).toList();
    }

    /**
     * The plan with only the stages that run before the stage holding {@code step}: what a health gate waits for.
     *
     * @throws IllegalArgumentException when no stage holds the step
     */
    public RecoveryPlan before(PlanStep step) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).steps().stream().anyMatch(s -> s == step)) {
                return new RecoveryPlan(version, application, strategy, primaryRegion, recoveryRegion, stages.subList(0, i),
                        notificationTopicArn, objectives);
            }
        }
        throw new IllegalArgumentException("no stage of the plan holds " + step);
    }

    /**
     * The role the runtime assumes for the step's calls (see {@link AssumeRole}); null when the step runs in the
     * runtime's own account.
     */
    public AssumeRole assumeRole(PlanStep step) {
        for (Stage stage : stages) {
            AssumeRole role = stage.assumeRole(step);
            if (role != null) {
                return role;
            }
        }
        return null;
    }

    /** Every distinct role the plan's steps assume, in plan order. */
    public List<AssumeRole> assumeRoles() {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        List<AssumeRole> roles = new ArrayList<>();
        for (Stage stage : stages) {
            for (AssumeRole role : stage.assumeRoles().values()) {
                if (seen.add(role.roleArn() + "|" + role.externalId())) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    /** Every step of one model type, in plan order, whichever stage holds it. */
    public <T extends PlanStep> List<T> steps(Class<T> type) {
        return steps().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * The steps failback runs, in groups run one after the other: by each kind's
     * {@link StepKind#failbackRank()}, lower first, plan order inside a group; kinds without a rank are left out.
     */
    public List<List<PlanStep>> failbackOrder() {
        TreeMap<Integer, List<PlanStep>> groups = new TreeMap<>();
        for (PlanStep step : steps()) {
            OptionalInt rank = StepKinds.of(step).failbackRank();
            if (rank.isPresent()) {
                groups.computeIfAbsent(rank.getAsInt(), r -> new ArrayList<>()).add(step);
            }
        }
        return List.copyOf(groups.values());
    }

    // The plan seen as the typed lists of version 1: what the runtime's inspection and the constructs' permissions read.

    public List<DatabasePlan> databases() {
        return steps(DatabasePlan.class);
    }

    public List<InstancePlan> instances() {
        return steps(InstancePlan.class);
    }

    public List<FleetPlan> fleets() {
        return steps(FleetPlan.class);
    }

    public List<ZonePlan> dns() {
        return steps(ZonePlan.class);
    }

    public List<SiteSwitchPlan> siteSwitches() {
        return steps(SiteSwitchPlan.class);
    }

    /** The first health gate's timeout; {@link #DEFAULT_HEALTH_TIMEOUT_SECONDS} when the plan has none. */
    public int healthTimeoutSeconds() {
        List<HealthGatePlan> gates = steps(HealthGatePlan.class);
        return gates.isEmpty() ? DEFAULT_HEALTH_TIMEOUT_SECONDS : gates.get(0).timeoutSeconds();
    }

    /** Every Region the plan touches, recovery Region first. */
    public List<String> regions() {
        LinkedHashSet<String> regions = new LinkedHashSet<>();
        regions.add(recoveryRegion);
        for (PlanStep step : steps()) {
            if (step.region() != null) {
                regions.add(step.region());
            }
        }
        return List.copyOf(regions);
    }
}

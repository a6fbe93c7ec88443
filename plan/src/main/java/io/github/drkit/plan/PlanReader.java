package io.github.drkit.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;


/**
 * Turns a plan (JSON text, or the tree of maps and lists {@link PlanWriter} makes) into a {@link RecoveryPlan},
 * or fails on the first field it cannot accept. Every field rule and cross-field rule of the plan is here or in
 * the model types it calls, once: the constructs check what they write with the same reader the runtime reads
 * with, so the two cannot disagree.
 *
 * <p>A construct writes values that exist only at deploy time (CDK tokens); {@link Builder#unresolved} tells
 * the reader which strings are such placeholders, and their format checks wait for the deployed values.
 */
public final class PlanReader {
    private static final PlanReader STRICT = builder().build();

    private static final Pattern REGION = Pattern.compile("[a-z]{2,3}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern TOPIC_ARN = Pattern.compile("arn:aws[a-z-]*:sns:([a-z0-9-]+):\\d{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?");

    private final Predicate<String> unresolved;

    private PlanReader(Builder builder) {
        this.unresolved = builder.unresolved;
    }

    /** A reader that accepts only resolved values: the runtime's. */
    public static PlanReader strict() {
        return STRICT;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads and checks a plan given as JSON text.
     *
     * @throws PlanValidationException naming the first offending field, its value and the rule
     */
    public RecoveryPlan read(String json) {
        if (json == null || json.isBlank()) {
            throw new PlanValidationException("", "the plan is empty; expected a JSON object with \"version\": " + RecoveryPlan.CURRENT_VERSION);
        }
        Object root;
        try {
            root = JsonTree.parse(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new PlanValidationException("", "the plan is not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new PlanValidationException("", "the plan could not be read: " + e.getMessage());
        }
        return read(root);
    }

    /**
     * Reads and checks a plan given as a tree of maps, lists, strings, numbers and booleans, as
     * {@link PlanWriter#toTree(RecoveryPlan)} writes it. A version 1 plan is converted to stages (see
     * {@link RecoveryPlan}); its error messages keep the version 1 field paths.
     *
     * @throws PlanValidationException naming the first offending field, its value and the rule
     */
    public RecoveryPlan read(Object root) {
        Fields plan = fields(root, "");
        // The version comes first: a plan from a newer writer must fail on its version, not on a field it added.
        int version = version(plan);
        plan.raw("$schema");
        String application = plan.requiredMatching("application", NAME,
                "must be 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        Strategy strategy = strategy(plan);
        String primaryRegion = region(plan, "primaryRegion", null);
        String recoveryRegion = region(plan, "recoveryRegion", null);
        if (recoveryRegion == null) {
            throw new PlanValidationException("recoveryRegion", "is required");
        }
        if (recoveryRegion.equals(primaryRegion) && !isUnresolved(recoveryRegion)) {
            throw new PlanValidationException("recoveryRegion", "must differ from primaryRegion (both are '" + recoveryRegion + "')");
        }
        StepContext context = new StepContext(this, recoveryRegion);
        List<Stage> stages = version == 1 ? version1Stages(plan, context) : stages(plan, context);
        String topic = plan.optionalMatching("notificationTopicArn", TOPIC_ARN,
                "must be an SNS topic ARN, arn:aws:sns:<region>:<account>:<name>");
        if (topic != null && !isUnresolved(topic)) {
            knownRegion("notificationTopicArn", arnRegion(TOPIC_ARN, topic));
        }
        PlanObjectives objectives = objectives(plan);
        plan.finish();
        RecoveryPlan result = new RecoveryPlan(version, application, strategy, primaryRegion, recoveryRegion, stages, topic,
                objectives);
        for (StepKind<?> kind : StepKinds.all()) {
            checkAcross(kind, result);
        }
        return result;
    }

    /** The optional {@code objectives} object: whole seconds, at least one of the two. */
    private PlanObjectives objectives(Fields plan) {
        Fields objectives = plan.optionalObject("objectives");
        if (objectives == null) {
            return null;
        }
        Integer rto = objectives.optionalInt("rtoSeconds", 1, PlanObjectives.MAX_SECONDS);
        Integer rpo = objectives.optionalInt("rpoSeconds", 1, PlanObjectives.MAX_SECONDS);
        objectives.finish();
        return new PlanObjectives(rto, rpo);
    }

    private static <T extends PlanStep> void checkAcross(StepKind<T> kind, RecoveryPlan plan) {
        kind.checkAcross(plan.steps(kind.type()));
    }

    /** Version 1: one typed list per kind, converted to the stages of {@link Stage#VERSION_1_STAGES}. */
    private List<Stage> version1Stages(Fields plan, StepContext context) {
        Map<String, List<PlanStep>> byStage = new LinkedHashMap<>();
        for (StepKind<?> kind : StepKinds.all()) {
            if (kind.version1Field() != null) {
                byStage.computeIfAbsent(kind.version1Stage(), s -> new ArrayList<>()).addAll(kind.readVersion1(plan, context));
            }
        }
        return RecoveryPlan.version1Stages(new LinkedHashMap<>(byStage));
    }

    private List<Stage> stages(Fields plan, StepContext context) {
        List<Stage> stages = plan.list("stages", (node, path) -> stage(fields(node, path), context));
        if (stages.isEmpty()) {
            throw new PlanValidationException("stages", "must list at least one stage");
        }
        Map<String, String> seen = new HashMap<>();
        for (Stage stage : stages) {
            String previous = seen.putIfAbsent(stage.name(), stage.path());
            if (previous != null) {
                throw new PlanValidationException(stage.path() + ".name", "names the same stage as " + previous + " ('" + stage.name() + "')");
            }
        }
        return stages;
    }

    private Stage stage(Fields stage, StepContext context) {
        String name = stage.requiredMatching("name", NAME, "must be 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        Map<Integer, AssumeRole> assumeRoles = new HashMap<>();
        List<PlanStep> steps = stage.list("steps", (node, path) -> {
            Fields fields = fields(node, path);
            PlanStep step = step(fields, context);
            AssumeRole role = AssumeRole.read(fields, step.region() == null ? context.recoveryRegion() : step.region(), context);
            if (role != null) {
                assumeRoles.put(Integer.parseInt(path.substring(path.lastIndexOf('[') + 1, path.length() - 1)), role);
            }
            return step;
        });
        if (steps.isEmpty()) {
            throw new PlanValidationException(stage.child("steps"), "must list at least one step");
        }
        stage.finish();
        return new Stage(name, steps, stage.path(), assumeRoles);
    }

    private PlanStep step(Fields step, StepContext context) {
        String name = step.requiredString("kind");
        StepKind<?> kind = StepKinds.named(name);
        if (kind == null) {
            throw new PlanValidationException(step.child("kind"), "must be one of " + String.join(", ", StepKinds.names()) + " (got '" + name + "')");
        }
        // Marked as read before the kind reads the step, so that the kind's finish() accepts it: every kind has it.
        step.raw(AssumeRole.FIELD);
        return kind.read(step, context);
    }

    /**
     * Checks one step on its own, as a construct helper does before the plan around it exists.
     *
     * @return the step as the plan will carry it
     * @throws PlanValidationException naming the offending field relative to the step
     */
    public <T extends PlanStep> T check(T step) {
        return check(StepKinds.of(step), step);
    }

    // Safe: kind is StepKinds.of(step), so what it reads back is a step of step's own class T.
    @SuppressWarnings("unchecked")
    private <T extends PlanStep, K extends PlanStep> T check(StepKind<K> kind, T step) {
        return (T) kind.read(fields(kind.write(kind.cast(step)), ""), new StepContext(this, null));
    }

    private int version(Fields plan) {
        Object value = plan.raw("version");
        if (value == null) {
            throw new PlanValidationException("version", "is required; this runtime reads " + versions());
        }
        // Compared exactly: a version beyond 64 bits must not wrap around to a version this reader knows.
        for (int readable : RecoveryPlan.READABLE_VERSIONS) {
            if (JsonTree.isIntegral(value) && new java.math.BigInteger(value.toString()).equals(java.math.BigInteger.valueOf(readable))) {
                return readable;
            }
        }
        throw new PlanValidationException("version", "must be " + RecoveryPlan.READABLE_VERSIONS.stream().map(String::valueOf)
                .collect(Collectors.joining(" or ")) + " (got " + Fields.describe(value) + "); this runtime reads " + versions() + " only");
    }

    private static String versions() {
        return "plan versions " + RecoveryPlan.READABLE_VERSIONS.stream().map(String::valueOf).collect(Collectors.joining(" and "));
    }

    private Strategy strategy(Fields plan) {
        String value = plan.requiredString("strategy");
        try {
            return Strategy.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new PlanValidationException("strategy", "must be one of " + names(Strategy.values()) + " (got '" + value + "')");
        }
    }

    String region(Fields fields, String name, String fallback) {
        String value = fields.optionalString(name);
        if (value == null) {
            return fallback;
        }
        return knownRegion(fields.child(name), value);
    }

    String knownRegion(String field, String value) {
        if (isUnresolved(value)) {
            return value;
        }
        if (!REGION.matcher(value).matches()) {
            throw new PlanValidationException(field, "must be an AWS Region code such as us-west-2 (got '" + value + "')");
        }
        if (!Regions.isKnown(value)) {
            throw new PlanValidationException(field, "'" + value + "' is not an AWS Region this runtime knows");
        }
        return value;
    }

    String arnRegion(Pattern pattern, String arn) {
        java.util.regex.Matcher matcher = pattern.matcher(arn);
        if (!matcher.matches()) {
            throw new IllegalStateException(arn);
        }
        return matcher.group(1);
    }

    /** Route 53 answers with lower-case, fully qualified names and escapes '*' as \052. */
    String normalizeName(String name) {
        if (isUnresolved(name)) {
            return name;
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT).replace("\\052", "*");
        return lower.endsWith(".") ? lower : lower + ".";
    }


    Fields fields(Object node, String path) {
        return Fields.of(node, path, unresolved);
    }

    boolean isUnresolved(String value) {
        return value != null && unresolved.test(value);
    }

    static String names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }


    public static final class Builder {
        private Predicate<String> unresolved = value -> false;

        private Builder() {
        }

        /**
         * Which strings are placeholders for values known only at deploy time; their format is not checked.
         *
         * @default none: every value is checked
         */
        public Builder unresolved(Predicate<String> v) {
            this.unresolved = java.util.Objects.requireNonNull(v, "unresolved");
            return this;
        }

        public PlanReader build() {
            return new PlanReader(this);
        }
    }
}

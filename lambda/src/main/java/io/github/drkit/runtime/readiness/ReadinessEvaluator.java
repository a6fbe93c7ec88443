package io.github.drkit.runtime.readiness;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import io.github.drkit.plan.PlanStep;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.runtime.aws.AwsCall;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.engine.Parallel;
import io.github.drkit.runtime.engine.StepClients;
import io.github.drkit.runtime.aws.AwsServiceError;
import io.github.drkit.runtime.aws.CallLog;
import io.github.drkit.runtime.aws.Deadline;
import io.github.drkit.runtime.aws.DeadlineExceededException;

/**
 * The {@code evaluate} action: reads, for every step of the plan, what its failover depends on, and reports what would
 * stop or slow it, with a verdict ({@link Verdict}) and the objectives the findings imply. Read-only: the one write is
 * the readiness metric, when a namespace is given. Each step kind's {@link ReadinessCheck} is found by kind, as the
 * engine finds its executors; the kinds run at once, and each batches its own reads.
 *
 * <p>The run's deadline bounds every call; when it is reached, the kinds not yet checked are findings that say so,
 * and the verdict cannot be {@link Verdict#READY}.
 */
public final class ReadinessEvaluator implements AutoCloseable {
    /** The readiness metric's name; its one dimension is {@value #DIMENSION}. */
    public static final String METRIC = "ReadinessVerdict";
    /** The readiness metric's dimension: the plan's application. */
    public static final String DIMENSION = "Application";

    private final AwsClients aws;
    private final String metricNamespace;
    private final PermissionsReadiness permissions;
    private final Parallel parallel;

    private ReadinessEvaluator(Builder builder) {
        this.aws = Objects.requireNonNull(builder.aws, "aws");
        this.metricNamespace = builder.metricNamespace;
        this.permissions = new PermissionsReadiness(builder.roleArn);
        this.parallel = new Parallel(builder.maxConcurrency);
    }

    public static Builder builder(AwsClients aws) {
        return new Builder(aws);
    }

    /**
     * Evaluates the plan within {@code deadline}.
     *
     * @param objectives the declared RTO and RPO the findings are weighed against
     */
    public ReadinessReport evaluate(RecoveryPlan plan, Objectives objectives, Duration deadline) {
        Instant started = Instant.now();
        CallLog log = new CallLog(Deadline.after(deadline));
        StepClients clients = new StepClients(aws);
        ReadinessContext context = new ReadinessContext(plan, clients, objectives, parallel);
        // A step in another account is read through its role's session, as its failover would call it.
        clients.open(plan);
        List<Finding> findings;
        try {
            findings = log.bind(() -> findings(plan, context));
        } finally {
            clients.close(plan);
        }
        findings = findings.stream().sorted(Comparator.comparing(Finding::severity).reversed()).toList();
        Verdict verdict = Verdict.of(findings);
        Long impliedRpo = findings.stream().map(Finding::impliedRpoSeconds).filter(Objects::nonNull).max(Long::compare).orElse(null);
        Long impliedRto = findings.stream().map(Finding::impliedRtoSeconds).filter(Objects::nonNull).max(Long::compare).orElse(null);
        List<AwsCall> calls = log.calls();
        Map<String, Integer> byOperation = new TreeMap<>();
        calls.forEach(c -> byOperation.merge(c.service() + " " + c.operation(), 1, Integer::sum));
        Instant ended = Instant.now();
        ReadinessReport report = new ReadinessReport("evaluate", java.util.UUID.randomUUID().toString(), plan.application(), plan.strategy().name(), plan.recoveryRegion(), verdict,
                message(verdict, findings), seconds(objectives.rto()), seconds(objectives.rpo()), impliedRto, impliedRpo,
                started.toString(), ended.toString(), Duration.between(started, ended).toMillis(), findings, calls.size(), byOperation,
                metricNamespace == null ? "not published (no namespace given)" : null);
        return metricNamespace == null ? report : report.withMetric(publish(plan, verdict));
    }

    private List<Finding> findings(RecoveryPlan plan, ReadinessContext context) {
        // Steps by kind, in plan order, each kind checked once over all its steps.
        Map<String, List<PlanStep>> byKind = new LinkedHashMap<>();
        plan.steps().forEach(step -> byKind.computeIfAbsent(step.kind(), k -> new ArrayList<>()).add(step));
        List<Callable<List<Finding>>> checks = new ArrayList<>();
        List<PlanStep> preflightOnly = new ArrayList<>();
        for (Map.Entry<String, List<PlanStep>> kind : byKind.entrySet()) {
            ReadinessCheck<?> check = ReadinessChecks.of(kind.getKey());
            if (check == null) {
                preflightOnly.addAll(kind.getValue());
            } else {
                checks.add(() -> guarded(kind.getKey(), kind.getValue(), () -> ReadinessChecks.run(check, kind.getValue(), context)));
            }
        }
        if (!preflightOnly.isEmpty()) {
            checks.add(() -> guarded("preflight", preflightOnly, () -> PreflightReadiness.check(aws, plan, preflightOnly)));
        }
        checks.add(() -> guarded("permissions", List.of(), () -> permissions.check(plan.steps(), context)));
        if (plan.notificationTopicArn() != null) {
            checks.add(() -> guarded("notifications", List.of(), () -> topic(plan.notificationTopicArn())));
        }
        List<Finding> findings = new ArrayList<>();
        context.all(checks).forEach(findings::addAll);
        return findings;
    }

    /** A kind's findings, or the one finding that says why it could not be checked. */
    private static List<Finding> guarded(String kind, List<PlanStep> steps, java.util.function.Supplier<List<Finding>> check) {
        String path = steps.isEmpty() ? kind : steps.get(0).path();
        try {
            return check.get();
        } catch (DeadlineExceededException e) {
            return List.of(Finding.of(Severity.WARNING, Finding.Category.UNCHECKED, path, kind + " steps", "the " + kind
                    + " check was cut by the deadline: " + e.getMessage(), "run evaluate with a longer deadline"));
        } catch (RuntimeException e) {
            return List.of(ReadinessContext.unchecked(path, kind + " steps", "the " + kind + " steps", e));
        }
    }

    private List<Finding> topic(String arn) {
        try {
            aws.sns().checkTopic(arn.split(":")[3], arn);
            return List.of();
        } catch (AwsServiceError e) {
            if (e.is("NotFound", "NotFoundException")) {
                return List.of(Finding.of(Severity.WARNING, Finding.Category.EXISTENCE, "notificationTopicArn", arn, "SNS topic '" + arn
                        + "' not found: failover and failback reports would reach no one", "redeploy the stack that creates the topic"));
            }
            throw e;
        }
    }

    /** Publishes the verdict; a failure is reported, never thrown: the evaluation itself stands. */
    private String publish(RecoveryPlan plan, Verdict verdict) {
        String region = aws.defaultRegion().id();
        try {
            new CallLog(Deadline.after(Duration.ofSeconds(10))).bind(() -> {
                aws.cloudWatch().putMetric(region, metricNamespace, METRIC, Map.of(DIMENSION, plan.application()), verdict.metricValue());
                return null;
            });
            return "published " + metricNamespace + "/" + METRIC + " = " + verdict.metricValue() + " (" + verdict + ") in " + region;
        } catch (RuntimeException e) {
            return "not published: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static String message(Verdict verdict, List<Finding> findings) {
        long critical = findings.stream().filter(f -> f.severity() == Severity.CRITICAL).count();
        long warning = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        return switch (verdict) {
            case READY -> "ready: no finding would stop or slow a failover";
            case DEGRADED -> "degraded: " + warning + " warning(s); failover would work, slower or with less margin than declared";
            case NOT_READY -> "not ready: " + critical + " critical finding(s) would stop failover or miss its objective"
                    + (warning == 0 ? "" : ", and " + warning + " warning(s)");
        };
    }

    private static Long seconds(Duration duration) {
        return duration == null ? null : duration.toSeconds();
    }

    @Override
    public void close() {
        parallel.close();
    }

    /** Builds a {@link ReadinessEvaluator}; only the clients are required. */
    public static final class Builder {
        private final AwsClients aws;
        private String metricNamespace;
        private String roleArn;
        private int maxConcurrency = 32;

        private Builder(AwsClients aws) {
            this.aws = aws;
        }

        /**
         * Publishes the verdict as {@value ReadinessEvaluator#METRIC} in this CloudWatch namespace, in the clients' default Region.
         *
         * @default none: the verdict is not published
         */
        public Builder metricNamespace(String metricNamespace) {
            this.metricNamespace = metricNamespace;
            return this;
        }

        /**
         * The role whose permissions are simulated against the plan's calls ({@code iam:SimulatePrincipalPolicy}).
         *
         * @default none: the permissions check is an INFO finding that says it was not made
         */
        public Builder roleArn(String roleArn) {
            this.roleArn = roleArn;
            return this;
        }

        /** @default 32 reads at once */
        public Builder maxConcurrency(int maxConcurrency) {
            if (maxConcurrency < 1) {
                throw new IllegalArgumentException("maxConcurrency must be at least 1 (got " + maxConcurrency + ")");
            }
            this.maxConcurrency = maxConcurrency;
            return this;
        }

        public ReadinessEvaluator build() {
            return new ReadinessEvaluator(this);
        }
    }
}

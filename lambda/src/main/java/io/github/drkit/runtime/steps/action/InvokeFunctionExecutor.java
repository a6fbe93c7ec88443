package io.github.drkit.runtime.steps.action;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.drkit.plan.InvokeFunctionKind;
import io.github.drkit.plan.InvokeFunctionPlan;
import io.github.drkit.plan.PlanValidationException;
import io.github.drkit.runtime.aws.AwsServiceError;
import io.github.drkit.runtime.aws.CallLog;
import io.github.drkit.runtime.aws.DeadlineExceededException;
import io.github.drkit.runtime.aws.api.LambdaApi;
import io.github.drkit.runtime.engine.Execution;
import io.github.drkit.runtime.engine.Inspection;
import io.github.drkit.runtime.engine.Position;
import io.github.drkit.runtime.engine.StateReport;
import io.github.drkit.runtime.engine.Step;
import io.github.drkit.runtime.engine.StepExecutor;
import io.github.drkit.runtime.engine.StepLive;

/**
 * Runs custom actions ({@code invokeFunction}): reads each function's configuration before the run (an unknown function
 * fails the run before any change), then invokes it synchronously with its payload and an idempotency key. An answer
 * with a function error, or an error AWS may not repeat, is tried again with the same key, for at most the step's
 * {@code retries} and within its {@code timeoutSeconds} and the run's deadline; the function's answer goes into the
 * report. A custom action has no state of its own to converge on: the function decides, by the idempotency key, whether
 * a second invocation has anything to do, and may answer {@code {"changed": false}} to say it had not.
 */
public final class InvokeFunctionExecutor implements StepExecutor<InvokeFunctionPlan> {
    /** The longest part of a function's answer the report keeps. */
    static final int MAX_ANSWER_CHARS = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String kind() {
        return InvokeFunctionKind.NAME;
    }

    @Override
    public Class<InvokeFunctionPlan> type() {
        return InvokeFunctionPlan.class;
    }

    @Override
    public Map<String, StepLive> inspect(List<InvokeFunctionPlan> steps, Inspection inspection) {
        List<Callable<StepLive>> reads = new ArrayList<>();
        for (InvokeFunctionPlan step : steps) {
            reads.add(() -> {
                LambdaApi.FunctionConfiguration function;
                try {
                    function = inspection.aws(step).lambda().functionConfiguration(step.region(), step.functionArn());
                } catch (AwsServiceError e) {
                    if (e.is("ResourceNotFoundException")) {
                        throw new PlanValidationException(step.path() + ".functionArn", "Lambda function '" + step.functionArn()
                                + "' not found in " + step.region());
                    }
                    throw e;
                }
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("runOn", step.runOn().id());
                putIfSet(details, "version", function.version());
                putIfSet(details, "lastUpdateStatus", function.lastUpdateStatus());
                putIfSet(details, "stateReason", function.stateReason());
                // A custom action has no failover or normal position of its own.
                return new StepLive(new StateReport.StepStatus(step.path(), InvokeFunctionKind.NAME, step.region(), step.functionArn(),
                        function.state(), details, Position.EITHER), function);
            });
        }
        List<StepLive> answers = inspection.all(reads);
        Map<String, StepLive> live = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            live.put(steps.get(i).path(), answers.get(i));
        }
        return live;
    }

    private static void putIfSet(Map<String, Object> details, String name, String value) {
        if (value != null) {
            details.put(name, value);
        }
    }

    @Override
    public List<Step> failover(InvokeFunctionPlan step, Execution execution) {
        return step.runOn().onFailover() ? List.of(invoke(step, execution, execution.action().id())) : List.of();
    }

    @Override
    public List<Step> failback(InvokeFunctionPlan step, Execution execution) {
        return step.runOn().onFailback() ? List.of(invoke(step, execution, "failback")) : List.of();
    }

    /**
     * The key a function dedupes by: the SHA-256, in hex, of the application, the action, the step's path and the run id,
     * one per line. The same recovery (the same run id) invoking the same step for the same action gets the same key.
     */
    static String idempotencyKey(String application, String action, String path, String runId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join("\n", application, action, path, runId)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static Step invoke(InvokeFunctionPlan step, Execution execution, String action) {
        String application = execution.plan().application();
        String key = idempotencyKey(application, action, step.path(), execution.runId());
        String name = "invoke " + functionName(step.functionArn());
        return Step.change(name, step.path(), List.of("invoke " + step.functionArn() + " (RequestResponse) with idempotency key " + key),
                () -> new Invoker(step, execution, payload(step, application, action, key, execution.runId())).run(), null);
    }

    /** The step's payload with the runtime's own object under {@code drkit}. */
    static String payload(InvokeFunctionPlan step, String application, String action, String key, String runId) {
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(step.payload());
            ObjectNode drkit = body.putObject(InvokeFunctionKind.RESERVED_FIELD);
            drkit.put("idempotencyKey", key);
            drkit.put("application", application);
            drkit.put("action", action);
            drkit.put("step", step.path());
            drkit.put("runId", runId);
            return JSON.writeValueAsString(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the plan's payload of " + step.path() + " is not a JSON object", e);
        }
    }

    private static String functionName(String arn) {
        String[] parts = arn.split(":");
        return parts.length > 6 ? parts[6] + (parts.length > 7 ? ":" + parts[7] : "") : arn;
    }

    /** The attempts of one invocation. */
    private static final class Invoker {
        private final InvokeFunctionPlan step;
        private final Execution execution;
        private final String payload;
        private final List<String> failures = new ArrayList<>();

        Invoker(InvokeFunctionPlan step, Execution execution, String payload) {
            this.step = step;
            this.execution = execution;
            this.payload = payload;
        }

        Step.Result run() {
            // Every attempt, and the pauses between them, fit in the step's timeout and the run's deadline.
            CallLog bounded = CallLog.current().within(Duration.ofSeconds(step.timeoutSeconds()));
            int attempts = 0;
            while (attempts <= step.retries() && !bounded.deadline().expired()) {
                attempts++;
                try {
                    LambdaApi.Invocation answer = bounded.bind(() -> execution.aws(step).lambda().invoke(step.region(), step.functionArn(), payload));
                    if (answer.functionError() == null) {
                        return answered(answer, attempts);
                    }
                    failures.add("attempt " + attempts + ": function error " + answer.functionError() + ": " + cut(answer.payload(), 1024)
                            + (answer.logTail() == null ? "" : "; log ends: " + cut(lastLines(answer.logTail()), 1024)));
                } catch (DeadlineExceededException e) {
                    failures.add("attempt " + attempts + ": " + e.getMessage());
                    break;
                } catch (AwsServiceError e) {
                    failures.add("attempt " + attempts + ": " + e.getMessage());
                    if (!worthRepeating(e)) {
                        break;
                    }
                }
                pause(attempts, bounded);
            }
            return Step.Result.failed(step.functionArn() + " did not answer without error after " + attempts + " attempt(s) within "
                    + step.timeoutSeconds() + " s: " + String.join("; ", failures));
        }

        /** Lambda's considered refusals (no such function, not allowed, payload refused) do not change on another try. */
        private static boolean worthRepeating(AwsServiceError e) {
            return e.statusCode() == 0 || e.statusCode() >= 500 || e.statusCode() == 429;
        }

        private static void pause(int attempt, CallLog bounded) {
            long millis = Math.min(1000L * attempt, bounded.deadline().remaining().toMillis());
            try {
                Thread.sleep(Math.max(0, millis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted between attempts of " + e.getMessage(), e);
            }
        }

        private Step.Result answered(LambdaApi.Invocation answer, int attempts) {
            String detail = "answered (HTTP " + answer.statusCode() + (answer.executedVersion() == null ? "" : ", version " + answer.executedVersion())
                    + ", attempt " + attempts + (failures.isEmpty() ? "" : " after " + String.join("; ", failures)) + "): "
                    + cut(answer.payload(), MAX_ANSWER_CHARS);
            return unchanged(answer.payload()) ? Step.Result.noChange("nothing to do, the function says; " + detail) : Step.Result.done(detail);
        }

        /** True when the function answered a JSON object with {@code "changed": false}: it had nothing to do (a repeated key, say). */
        private static boolean unchanged(String answer) {
            try {
                JsonNode node = JSON.readTree(answer);
                return node != null && node.isObject() && node.path("changed").isBoolean() && !node.get("changed").booleanValue();
            } catch (java.io.IOException notJson) {
                return false;
            }
        }
    }

    private static String lastLines(String log) {
        String[] lines = log.strip().split("\n");
        return String.join(" | ", java.util.Arrays.asList(lines).subList(Math.max(0, lines.length - 5), lines.length));
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "... (" + (text.length() - max) + " more characters)";
    }
}

package io.github.drkit.arc;

import io.github.drkit.failover.FailoverFunction;
import io.github.drkit.internal.plan.NagFindings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The function ARC's custom-action blocks invoke. ARC sends its own execution metadata, not drkit's request; this
 * function reads the step's name, runs drkit's {@code failover} or {@code failback} through the failover function's
 * live alias and fails the step unless drkit's report says it succeeded (or had nothing to do). The runtime itself
 * stays as it is: its request format refuses fields it does not know.
 */
final class DrkitStepInvoker extends Construct {
    /** The script, under the 4 KB an inline function holds. */
    private static final String SOURCE = "invoke_drkit.py";

    private final Function function;

    DrkitStepInvoker(Construct scope, String id, FailoverFunction failover, Map<String, String> actionsByStep, Duration timeout) {
        super(scope, id);
        LogGroup logs = LogGroup.Builder.create(this, "Logs").retention(RetentionDays.ONE_YEAR).removalPolicy(RemovalPolicy.RETAIN).build();
        Role role = Role.Builder.create(this, "Role").assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("drkit steps of an ARC Region switch plan: may invoke the failover function's live alias only").build();
        // Instead of the AWSLambdaBasicExecutionRole managed policy (any log group): this log group only.
        role.addToPrincipalPolicy(PolicyStatement.Builder.create().sid("Logs").effect(Effect.ALLOW)
                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(logs.getLogGroupArn(), logs.getLogGroupArn() + ":log-stream:*")).build());
        this.function = Function.Builder.create(this, "Function")
                .description("Runs drkit failover or failback for the ARC Region switch plan of " + failover.getPlan().application())
                .runtime(Runtime.PYTHON_3_14)
                .handler("index.handler")
                .code(Code.fromInline(source()))
                .timeout(timeout)
                .memorySize(256)
                .role(role)
                .logGroup(logs)
                // One step at a time, like drkit's function: a retry of ARC's waits for the attempt before it.
                .reservedConcurrentExecutions(1)
                .environment(Map.of("DRKIT_FUNCTION", failover.getAlias().getFunctionArn(),
                        "DRKIT_ARC_STEPS", software.amazon.awscdk.Stack.of(this).toJsonString(actionsByStep)))
                .build();
        failover.grantInvoke(function);
        IConstruct policy = role.getNode().tryFindChild("DefaultPolicy");
        NagFindings.suppress(policy, "AwsSolutions-IAM5", "Log streams of this function's own log group are named by Lambda at run "
                + "time, and a log stream ARN has no other form.", List.of("regex:/^Resource::<.*Logs.*\\.Arn>:log-stream:\\*$/"));
    }

    private static String source() {
        try (InputStream in = DrkitStepInvoker.class.getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IllegalStateException("DrkitStepInvoker: resource " + SOURCE + " is missing from the library jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    IFunction function() {
        return function;
    }
}

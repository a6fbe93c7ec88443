package io.github.drkit.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Generated custom actions and approvals, at the edges of every rule and one value past one rule: the reader accepts
 * them and reads back what was written (and the schema agrees), or refuses them naming a field of the step.
 */
class CustomActionProperties {
    record Action(String functionArn, Map<String, Object> payload, String runOn, int timeoutSeconds, int retries, String recoveryRegion) {
    }

    /** Valid actions at the edges of every rule (each partition, the longest name, the largest payload, the bounds), or one broken. */
    @Provide
    Arbitrary<Action> actions() {
        Arbitrary<String[]> arnAndRegion = Arbitraries.of(
                new String[] {"arn:aws:lambda:us-west-2:111111111111:function:a", "us-west-2"},
                new String[] {"arn:aws:lambda:us-east-1:111111111111:function:" + "f".repeat(64) + ":$LATEST", "eu-west-1"},
                new String[] {"arn:aws:lambda:eu-west-1:111111111111:function:shop_flags-2:7", "us-west-2"},
                new String[] {"arn:aws-cn:lambda:cn-north-1:111111111111:function:flags", "cn-northwest-1"},
                new String[] {"arn:aws-us-gov:lambda:us-gov-west-1:111111111111:function:flags:live", "us-gov-east-1"});
        Arbitrary<Map<String, Object>> payload = Arbitraries.of(Map.<String, Object>of(), Map.<String, Object>of("flag", "x", "on", true),
                Map.<String, Object>of("n", List.of(1, 2.5, "s")), Map.<String, Object>of("v", "x".repeat(InvokeFunctionKind.MAX_PAYLOAD_BYTES - 8)));
        Arbitrary<Action> valid = Combinators.combine(arnAndRegion, payload, Arbitraries.of("failover", "failback", "both"),
                        Arbitraries.of(1, 60, 900), Arbitraries.of(0, 2, 5))
                .as((arn, body, runOn, timeout, retries) -> new Action(arn[0], body, runOn, timeout, retries, arn[1]));
        List<java.util.function.UnaryOperator<Action>> breaks = List.of(
                a -> new Action("arn:aws:lambda:cn-north-1:111111111111:function:flags", a.payload(), a.runOn(), a.timeoutSeconds(), a.retries(), a.recoveryRegion()),
                a -> new Action(a.functionArn(), a.payload(), a.runOn(), a.timeoutSeconds(), a.retries(), a.recoveryRegion().startsWith("cn-") ? "us-west-2" : "cn-north-1"),
                a -> new Action("arn:aws:lambda:us-west-2:11111111111:function:short-account", a.payload(), a.runOn(), a.timeoutSeconds(), a.retries(), a.recoveryRegion()),
                a -> new Action("arn:aws:lambda:us-west-2:111111111111:function:" + "f".repeat(65), a.payload(), a.runOn(), a.timeoutSeconds(), a.retries(), a.recoveryRegion()),
                a -> new Action("arn:aws:lambda:us-moon-1:111111111111:function:a", a.payload(), a.runOn(), a.timeoutSeconds(), a.retries(), a.recoveryRegion()),
                a -> new Action("arn:aws:s3:::bucket", a.payload(), a.runOn(), a.timeoutSeconds(), a.retries(), a.recoveryRegion()),
                a -> new Action(a.functionArn(), Map.of("drkit", 1), a.runOn(), a.timeoutSeconds(), a.retries(), a.recoveryRegion()),
                a -> new Action(a.functionArn(), Map.of("v", "x".repeat(InvokeFunctionKind.MAX_PAYLOAD_BYTES - 7)), a.runOn(), a.timeoutSeconds(), a.retries(), a.recoveryRegion()),
                a -> new Action(a.functionArn(), a.payload(), "never", a.timeoutSeconds(), a.retries(), a.recoveryRegion()),
                a -> new Action(a.functionArn(), a.payload(), a.runOn(), 0, a.retries(), a.recoveryRegion()),
                a -> new Action(a.functionArn(), a.payload(), a.runOn(), InvokeFunctionKind.MAX_TIMEOUT_SECONDS + 1, a.retries(), a.recoveryRegion()),
                a -> new Action(a.functionArn(), a.payload(), a.runOn(), a.timeoutSeconds(), -1, a.recoveryRegion()),
                a -> new Action(a.functionArn(), a.payload(), a.runOn(), a.timeoutSeconds(), InvokeFunctionKind.MAX_RETRIES + 1, a.recoveryRegion()));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, valid),
                net.jqwik.api.Tuple.of(1, Combinators.combine(valid, Arbitraries.of(breaks)).as((a, broken) -> broken.apply(a))));
    }

    @Property(tries = 1000, generation = GenerationMode.RANDOMIZED)
    void invokeFunction_whenWrittenAndRead_roundTripsOrNamesAFieldOfTheStep(@ForAll("actions") Action action) {
        Map<String, Object> step = new java.util.LinkedHashMap<>();
        step.put("kind", InvokeFunctionKind.NAME);
        step.put("functionArn", action.functionArn());
        step.put("payload", action.payload());
        step.put("runOn", action.runOn());
        step.put("timeoutSeconds", action.timeoutSeconds());
        step.put("retries", action.retries());
        String json = PlanWriter.render(plan(action.recoveryRegion(), "actions", step));
        RecoveryPlan read;
        try {
            read = RecoveryPlan.parse(json);
        } catch (PlanValidationException e) {
            assertTrue(e.field().startsWith("stages[0].steps[0]."), e::getMessage);
            Statistics.collect("refused");
            return;
        }
        Statistics.collect("accepted");
        assertEquals(json, PlanWriter.toJson(read));
        assertEquals(List.of(), PlanSchema.errors(json), () -> "the reader accepts what the schema refuses: " + json);
        Statistics.coverage(c -> {
            c.check("accepted").percentage(p -> p >= 30);
            c.check("refused").percentage(p -> p >= 30);
        });
    }

    @Property(tries = 1000, generation = GenerationMode.RANDOMIZED)
    void approval_whenMessageGenerated_isReadBackOrRefusedAtMessage(@ForAll("messages") String message) {
        String json = PlanWriter.render(plan("us-west-2", "gate", Map.of("kind", ApprovalKind.NAME, "message", message)));
        try {
            assertEquals(message, RecoveryPlan.parse(json).stages().get(0).approval().message());
            assertEquals(List.of(), PlanSchema.errors(json), json);
        } catch (PlanValidationException e) {
            assertEquals("stages[0].steps[0].message", e.field());
            assertTrue(!PlanSchema.errors(json).isEmpty(), () -> "the schema accepts what the reader refuses: " + json);
        }
    }

    /** A plan of one stage holding {@code step}, its fields in the order the writer writes them. */
    private static Map<String, Object> plan(String recoveryRegion, String stage, Map<String, Object> step) {
        Map<String, Object> plan = new java.util.LinkedHashMap<>();
        plan.put("version", 2);
        plan.put("application", "shop");
        plan.put("strategy", "PILOT_LIGHT");
        plan.put("recoveryRegion", recoveryRegion);
        Map<String, Object> stageTree = new java.util.LinkedHashMap<>();
        stageTree.put("name", stage);
        stageTree.put("steps", List.of(step));
        plan.put("stages", List.of(stageTree));
        return plan;
    }

    @Provide
    Arbitrary<String> messages() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMinLength(0).ofMaxLength(ApprovalKind.MAX_MESSAGE + 1),
                Arbitraries.strings().withChars(' ', '\u00a0', '\u2003', '\n', 'a').ofMinLength(1).ofMaxLength(4),
                Arbitraries.strings().alpha().ofLength(ApprovalKind.MAX_MESSAGE), Arbitraries.strings().alpha().ofLength(ApprovalKind.MAX_MESSAGE + 1));
    }
}

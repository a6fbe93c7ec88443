package io.github.drkit.lambda;

import static io.github.drkit.runtime.scenario.Emulator.RECOVERY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.runtime.scenario.RecordingHook;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** The function's plan from an SSM parameter (plans above the 4 KB environment limit). */
@ExtendWith(MotoServerExtension.class)
class PlanSourceTest {

    @Test
    void handleRequest_whenPlanInSsmParameter_readsItWithDecryption(MotoServer moto) {
        try (Emulator emulator = new Emulator(moto)) {
            RecordingHook calls = new RecordingHook();
            emulator.fleet(RECOVERY, "web", 1, 1, 2, "t3.small", false);
            try (AwsClients clients = emulator.runtimeClients(calls)) {
                emulator.ssm(RECOVERY).putParameter(p -> p.name("/drkit/web/plan").type(ParameterType.SECURE_STRING).value("""
                        {"version": 1, "application": "web", "strategy": "WARM_STANDBY", "recoveryRegion": "us-west-2",
                         "fleets": [{"autoScalingGroupName": "web", "standby": {"min": 1, "desired": 1, "max": 2},
                                     "recovery": {"min": 2, "desired": 4, "max": 8}}]}
                        """));
                FailoverHandler handler = new FailoverHandler(Map.of("DRKIT_PLAN_PARAMETER", "/drkit/web/plan"), clients, Duration.ofMillis(100));

                Map<String, Object> report = handler.handleRequest(Map.of("action", "status"), null);

                assertEquals("SUCCEEDED", report.get("outcome"));
                assertEquals("web", report.get("application"));
                assertEquals("NORMAL", ((Map<?, ?>) report.get("stateBefore")).get("state"));
                assertEquals(1, calls.count("GetParameter"));
                assertEquals(List.of(), calls.mutating());
            }
        }
    }
}

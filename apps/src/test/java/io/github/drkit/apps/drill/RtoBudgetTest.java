package io.github.drkit.apps.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class RtoBudgetTest {
    private static RtoBudget.Term term(String name, long seconds) {
        return new RtoBudget.Term(name, Duration.ofSeconds(seconds), "basis", null, !RtoBudget.isOrchestration(name));
    }

    @Test
    void orchestrationAllowance_whenEstimateHasAnOrchestrationTerm_isThatTerm() {
        RtoBudget b = new RtoBudget("app/Core", "PILOT_LIGHT", List.of(term("failure detection", 90),
                term("failover orchestration", 30), term("DNS TTL", 60)), Duration.ofMinutes(30));
        assertEquals(Duration.ofSeconds(30), b.orchestrationAllowance());
        assertEquals(Duration.ofSeconds(150), b.physical());
        assertEquals(Duration.ofSeconds(180), b.estimate());
        assertEquals("the estimate's orchestration terms", b.allowanceBasis());
    }

    @Test
    void orchestrationAllowance_whenOnlyAnObjective_isWhatTheObjectiveLeaves() {
        RtoBudget b = new RtoBudget("app/Core", "WARM_STANDBY", List.of(term("failure detection", 90), term("DNS TTL", 60)),
                Duration.ofMinutes(5));
        assertEquals(Duration.ofSeconds(150), b.orchestrationAllowance());
        assertEquals("RTO objective 5 min minus the physical terms 2 min 30 s", b.allowanceBasis());
    }

    @Test
    void orchestrationAllowance_whenNeither_isNull() {
        RtoBudget b = new RtoBudget("app/Core", "MULTI_SITE", List.of(term("DNS TTL", 60)), null);
        assertNull(b.orchestrationAllowance());
    }
}

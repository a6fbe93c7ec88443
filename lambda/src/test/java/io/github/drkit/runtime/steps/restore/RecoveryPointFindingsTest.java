package io.github.drkit.runtime.steps.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.drkit.plan.RestoreVolumePlan;
import io.github.drkit.runtime.readiness.Finding;
import io.github.drkit.runtime.readiness.Severity;

class RecoveryPointFindingsTest {
    private static final RestoreVolumePlan STEP = new RestoreVolumePlan("us-west-2", "us-west-2a", Map.of("app", "shop"), "shop-data",
            null, null, null, "stages[0].steps[0]");

    @Test
    void ended_whenTheWordsHaveStateAndFix_splitsThemAtTheFirstColon() {
        Finding finding = RecoveryPointFindings.ended(STEP, "volume vol-1", "volume vol-1 is in error: delete it: then run again");

        assertEquals(Severity.CRITICAL, finding.severity());
        assertEquals("stages[0].steps[0]", finding.path());
        assertEquals("volume vol-1 is in error: a restore now would stop at this step on it", finding.problem());
        assertEquals("delete it: then run again", finding.fix());
    }

    @Test
    void ended_whenTheWordsHaveNoColon_keepsTheWholeTextAsStateAndFix() {
        Finding finding = RecoveryPointFindings.ended(STEP, "volume vol-1", "volume vol-1 is in error");

        assertEquals("volume vol-1 is in error: a restore now would stop at this step on it", finding.problem());
        assertEquals("volume vol-1 is in error", finding.fix());
    }
}

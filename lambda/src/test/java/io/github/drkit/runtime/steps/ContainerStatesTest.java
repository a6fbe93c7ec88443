package io.github.drkit.runtime.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.github.drkit.runtime.aws.api.EcsService;

/** What steady state waits for, in the states AWS reports and moto does not (moto settles a service at once). */
class ContainerStatesTest {
    @Test
    void notSteady_whenTasksStillStarting_saysHowMany() {
        assertEquals("service web: 2 of 4 tasks running, 2 pending", new EcsService("web", "ACTIVE", 4, 2, 2, 1, "IN_PROGRESS").notSteady());
    }

    @Test
    void notSteady_whenTwoDeployments_waitsForOne() {
        assertEquals("service web: 2 deployments, waiting for one", new EcsService("web", "ACTIVE", 4, 4, 0, 2, "IN_PROGRESS").notSteady());
    }

    @Test
    void notSteady_whenDeploymentFailedOrServiceDraining_saysSo() {
        assertEquals("service web: its deployment FAILED", new EcsService("web", "ACTIVE", 4, 0, 0, 1, "FAILED").notSteady());
        assertEquals("service web is DRAINING", new EcsService("web", "DRAINING", 0, 0, 0, 1, null).notSteady());
    }

    @Test
    void notSteady_whenRunningEqualsDesiredInOneDeployment_isNull() {
        assertNull(new EcsService("web", "ACTIVE", 4, 4, 0, 1, "COMPLETED").notSteady());
        assertNull(new EcsService("web", "ACTIVE", 0, 0, 0, 1, null).notSteady());
    }
}

package io.github.drkit.runtime.engine;

import io.github.drkit.plan.RecoveryPlan;

/**
 * What an executor works with during one run: the plan, the state read before the run, whether the run was forced,
 * and the engine's per-resource step builders (which share its clients, its inspector and its timeouts).
 */
public final class Execution {
    final RecoveryPlan plan;
    final LiveState live;
    final boolean force;
    final DatabaseSteps databases;
    final ComputeSteps compute;
    final DnsSteps dns;
    final HealthGate health;

    Execution(RecoveryPlan plan, LiveState live, boolean force, DatabaseSteps databases, ComputeSteps compute, DnsSteps dns,
              HealthGate health) {
        this.plan = plan;
        this.live = live;
        this.force = force;
        this.databases = databases;
        this.compute = compute;
        this.dns = dns;
        this.health = health;
    }
}

package io.github.drkit.internal.topology;

import io.github.drkit.failover.GlobalDatabaseOptions;
import io.github.drkit.failover.GlobalTableOptions;
import io.github.drkit.failover.PlanGlobalDatabase;
import io.github.drkit.failover.PlanGlobalTable;
import io.github.drkit.failover.RecoveryStep;
import io.github.drkit.internal.protection.Durations;
import io.github.drkit.objectives.EstimateTerm;
import io.github.drkit.objectives.EstimateTerms;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The global data options of the topology constructs (Aurora global databases, DynamoDB global tables): their plan
 * steps and their estimate terms, the same for every construct that takes them.
 */
public final class GlobalData {
    private GlobalData() {
    }

    /** The steps of the options, in the recovery Region; a global table without a source Region takes {@code primaryRegion}. */
    public static List<RecoveryStep> steps(String owner, String region, String primaryRegion, List<GlobalDatabaseOptions> databases,
                                           List<GlobalTableOptions> tables) {
        List<RecoveryStep> steps = new ArrayList<>();
        databases.forEach(d -> steps.add(PlanGlobalDatabase.of(region, d)));
        for (int i = 0; i < tables.size(); i++) {
            GlobalTableOptions t = tables.get(i);
            if (t.getSourceRegion() == null && primaryRegion == null) {
                throw new IllegalArgumentException(owner + ": globalTables[" + i + "] (" + t.getTableName() + ") needs a source Region:"
                        + " set GlobalTableOptions.sourceRegion or the construct's primaryRegion");
            }
            steps.add(PlanGlobalTable.of(region, t, primaryRegion));
        }
        return steps;
    }

    /**
     * The RTO terms of the global databases: the longest failover, since they fail over at once in the data stage, and
     * for headless secondaries the longest time to add a writer instance after promotion.
     */
    public static List<EstimateTerm> rtoTerms(List<GlobalDatabaseOptions> databases, String prop) {
        List<EstimateTerm> terms = new ArrayList<>();
        databases.stream().map(d -> Durations.toJava(d.getFailoverTime())).max(Comparator.naturalOrder())
                .ifPresent(longest -> terms.add(EstimateTerms.globalDatabaseFailover(longest, prop + "globalDatabases.failoverTime")));
        databases.stream().filter(d -> d.getInstanceCreationTime() != null).map(d -> Durations.toJava(d.getInstanceCreationTime()))
                .max(Comparator.naturalOrder())
                .ifPresent(longest -> terms.add(EstimateTerms.headlessWriterInstance(longest, prop + "globalDatabases.instanceCreationTime")));
        return terms;
    }

    /** The RPO term of the global data: the store that may lose the most, its lag or the latency its gate accepts. */
    public static List<EstimateTerm> rpoTerms(List<GlobalDatabaseOptions> databases, List<GlobalTableOptions> tables, String prop) {
        EstimateTerm worst = null;
        for (GlobalDatabaseOptions d : databases) {
            EstimateTerm term = EstimateTerms.globalDatabaseReplication(Durations.toJava(d.getExpectedReplicationLag()),
                    prop + "globalDatabases.expectedReplicationLag");
            worst = worst == null || term.duration().compareTo(worst.duration()) > 0 ? term : worst;
        }
        for (GlobalTableOptions t : tables) {
            Duration max = Durations.toJava(t.getMaxReplicationLatency());
            EstimateTerm term = EstimateTerms.globalTableReplication(max, prop + "globalTables.maxReplicationLatency");
            worst = worst == null || term.duration().compareTo(worst.duration()) > 0 ? term : worst;
        }
        return worst == null ? List.of() : List.of(worst);
    }
}

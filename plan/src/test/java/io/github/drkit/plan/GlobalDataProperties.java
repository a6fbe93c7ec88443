package io.github.drkit.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The global database and global table kinds, by property: a step the writer writes and the reader accepts reads
 * back equal and conforms to the schema; a step the reader refuses is refused at one of its own fields, and the
 * schema refuses it too where the schema can say the rule.
 */
class GlobalDataProperties {
    private static final String ACCOUNT = "111111111111";

    @Provide
    Arbitrary<GlobalDatabasePlan> globalDatabases() {
        Arbitrary<String> ids = Arbitraries.of("shop-global", "a", "a".repeat(63), "Shop1-x2");
        Arbitrary<String> clusters = Arbitraries.of("shop-secondary", "b", "arn:aws:rds:us-west-2:" + ACCOUNT + ":cluster:shop-secondary");
        Arbitrary<String> primaries = Arbitraries.of("arn:aws:rds:us-east-1:" + ACCOUNT + ":cluster:shop-primary",
                "arn:aws:rds:eu-west-1:" + ACCOUNT + ":cluster:p").injectNull(0.3);
        Arbitrary<Integer> rpos = Arbitraries.integers().between(0, PlanObjectives.MAX_SECONDS).injectNull(0.3);
        Arbitrary<Integer> timeouts = Arbitraries.integers().between(1, 3_600);
        Arbitrary<GlobalDatabasePlan> valid = Combinators.combine(ids, clusters, primaries, rpos, timeouts)
                .as((id, cluster, primary, rpo, timeout) -> new GlobalDatabasePlan("us-west-2", id, cluster, primary, rpo, timeout));
        return PlanInputs.validOrOneBroken(valid,
                s -> new GlobalDatabasePlan(s.region(), "a".repeat(64), s.dbClusterIdentifier(), s.primaryDbClusterArn(), s.rpoSeconds(), s.timeoutSeconds()),
                s -> new GlobalDatabasePlan(s.region(), "1global", s.dbClusterIdentifier(), s.primaryDbClusterArn(), s.rpoSeconds(), s.timeoutSeconds()),
                s -> new GlobalDatabasePlan(s.region(), s.globalClusterIdentifier(), "a--b", s.primaryDbClusterArn(), s.rpoSeconds(), s.timeoutSeconds()),
                s -> new GlobalDatabasePlan(s.region(), s.globalClusterIdentifier(), "arn:aws:rds:us-east-1:" + ACCOUNT + ":cluster:x",
                        s.primaryDbClusterArn(), s.rpoSeconds(), s.timeoutSeconds()),
                s -> new GlobalDatabasePlan(s.region(), s.globalClusterIdentifier(), s.dbClusterIdentifier(),
                        "arn:aws:rds:us-west-2:" + ACCOUNT + ":cluster:x", s.rpoSeconds(), s.timeoutSeconds()),
                s -> new GlobalDatabasePlan(s.region(), s.globalClusterIdentifier(), s.dbClusterIdentifier(), s.primaryDbClusterArn(), -1, s.timeoutSeconds()),
                s -> new GlobalDatabasePlan(s.region(), s.globalClusterIdentifier(), s.dbClusterIdentifier(), s.primaryDbClusterArn(), s.rpoSeconds(), 3_601));
    }

    @Provide
    Arbitrary<GlobalTablePlan> globalTables() {
        Arbitrary<String> names = Arbitraries.of("shop-carts", "abc", "a.b_c-d", "t".repeat(255));
        Arbitrary<String> sources = Arbitraries.of("us-east-1", "eu-west-1", "ap-southeast-2");
        Arbitrary<GlobalTablePlan> valid = Combinators.combine(names, sources, Arbitraries.integers().between(1, 86_400))
                .as((name, source, rpo) -> new GlobalTablePlan("us-west-2", name, source, rpo));
        return PlanInputs.validOrOneBroken(valid,
                t -> new GlobalTablePlan(t.region(), "ab", t.sourceRegion(), t.rpoSeconds()),
                t -> new GlobalTablePlan(t.region(), "shop carts", t.sourceRegion(), t.rpoSeconds()),
                t -> new GlobalTablePlan(t.region(), t.tableName(), t.region(), t.rpoSeconds()),
                t -> new GlobalTablePlan(t.region(), t.tableName(), "us-moon-1", t.rpoSeconds()),
                t -> new GlobalTablePlan(t.region(), t.tableName(), t.sourceRegion(), 0),
                t -> new GlobalTablePlan(t.region(), t.tableName(), t.sourceRegion(), 86_401));
    }

    @Property(tries = 1000, generation = GenerationMode.RANDOMIZED)
    void globalDatabase_whenWrittenAndRead_roundTripsOrNamesAFieldOfTheStep(@ForAll("globalDatabases") GlobalDatabasePlan step) {
        check(step);
    }

    @Property(tries = 1000, generation = GenerationMode.RANDOMIZED)
    void globalTable_whenWrittenAndRead_roundTripsOrNamesAFieldOfTheStep(@ForAll("globalTables") GlobalTablePlan step) {
        check(step);
    }

    private static void check(PlanStep step) {
        RecoveryPlan written = new RecoveryPlan(RecoveryPlan.CURRENT_VERSION, "shop", Strategy.PILOT_LIGHT, "us-east-1", "us-west-2",
                List.of(new Stage("data", List.of(step))), null);
        String json = PlanWriter.toJson(written);
        RecoveryPlan read;
        try {
            read = RecoveryPlan.parse(json);
        } catch (PlanValidationException e) {
            assertTrue(e.field().startsWith("stages[0].steps[0]."), () -> "refused outside the step: " + e.getMessage());
            Statistics.collect("refused");
            coverage();
            return;
        }
        Statistics.collect("accepted");
        assertEquals(PlanWriter.toTree(written), PlanWriter.toTree(read), json);
        assertEquals(List.of(), PlanSchema.errors(json), () -> "the reader accepts what the schema refuses: " + json);
        assertEquals(json, PlanWriter.toJson(RecoveryPlan.parse(PlanWriter.toJson(read))), "reading is idempotent");
        coverage();
    }

    private static void coverage() {
        Statistics.coverage(c -> {
            c.check("accepted").percentage(p -> p >= 10);
            c.check("refused").percentage(p -> p >= 5);
        });
    }
}

package io.github.drkit.objectives.pricing;

import static io.github.drkit.objectives.pricing.TemplateValues.asMap;
import static io.github.drkit.objectives.pricing.TemplateValues.gb;
import static io.github.drkit.objectives.pricing.TemplateValues.num;
import static io.github.drkit.objectives.pricing.TemplateValues.ref;
import static io.github.drkit.objectives.pricing.TemplateValues.str;
import static io.github.drkit.objectives.pricing.TemplateValues.truthy;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An RDS instance: its class by engine (MySQL/MariaDB, PostgreSQL, Aurora; Aurora Serverless v2 at its
 * cluster's minimum ACU), twice for Multi-AZ, and its allocated storage by type. An Aurora instance's
 * storage belongs to its cluster ({@link DbClusterPricer}).
 */
final class DbInstancePricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::RDS::DBInstance";
    }

    @Override
    public void price(PricedResource r) {
        String dbClass = str(r.property("DBInstanceClass"));
        String engine = str(r.property("Engine"));
        Map<String, Object> cluster = r.propertiesOf(ref(r.property("DBClusterIdentifier")));
        if (engine == null) {
            engine = str(cluster.get("Engine"));
        }
        engine = engine == null ? "" : engine.toLowerCase(Locale.ROOT);
        if (dbClass == null) {
            r.unpriced("DBInstanceClass is not a literal");
            return;
        }
        boolean aurora = engine.startsWith("aurora");
        if (aurora && "db.serverless".equals(dbClass)) {
            Double acu = num(asMap(cluster.get("ServerlessV2ScalingConfiguration")).get("MinCapacity"));
            if (acu == null) {
                r.unpriced("Aurora Serverless v2 without a literal MinCapacity");
            } else {
                r.charge("aurora:serverless-v2-acu", acu, gb(acu) + " ACU minimum capacity (Aurora Serverless v2)");
            }
            return;
        }
        boolean multiAz = truthy(r.property("MultiAZ"));
        int copies = multiAz ? 2 : 1;
        String prefix = aurora ? "aurora:" : engine.startsWith("postgres") ? "rds-postgres:" : "rds:";
        String engineText = !engine.isEmpty() ? " " + engine
                : r.getProperties().containsKey("SourceDBInstanceIdentifier")
                ? " read replica (engine of its source; priced as MySQL)" : " (engine not stated; priced as MySQL)";
        r.charge(prefix + dbClass, copies, dbClass + engineText + (multiAz ? " Multi-AZ (2 instances)" : ""));
        if (aurora) {
            return;
        }
        Double storage = num(r.property("AllocatedStorage"));
        String storageType = Objects.requireNonNullElse(str(r.property("StorageType")), "gp2");
        if (storage == null) {
            r.unpriced("AllocatedStorage is not a literal");
        } else {
            r.charge("rds-storage:" + storageType, copies * storage,
                    (multiAz ? "2 x " : "") + gb(storage) + " GB " + storageType + " storage");
        }
    }
}

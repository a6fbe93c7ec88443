package io.github.drkit.runtime.aws.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The one rule by which a plan's cluster ARN names a member of a global database, which evaluate's membership check, the
 * secondary's role and failback's target all use.
 */
class GlobalClusterTest {
    private static final String PRIMARY = "arn:aws:rds:us-west-2:123456789012:cluster:shop-primary";
    private static final String SECONDARY = "arn:aws:rds:us-east-1:123456789012:cluster:shop-secondary";
    private static final GlobalCluster GLOBAL = new GlobalCluster("shop-global", "arn:aws:rds::123456789012:global-cluster:shop-global",
            "available", List.of(new GlobalCluster.Member(PRIMARY, true), new GlobalCluster.Member(SECONDARY, false)), null);

    @Test
    void member_whenThePlansArnCarriesAnotherAccountOrCase_isTheSameMember() {
        Optional<GlobalCluster.Member> member = GLOBAL.member("arn:aws:rds:us-west-2:111111111111:cluster:Shop-Primary");

        assertEquals(Optional.of(new GlobalCluster.Member(PRIMARY, true)), member);
    }

    @Test
    void member_whenRegionPartitionOrIdentifierDiffer_isEmpty() {
        assertEquals(Optional.empty(), GLOBAL.member("arn:aws:rds:us-east-1:123456789012:cluster:shop-primary"));
        assertEquals(Optional.empty(), GLOBAL.member("arn:aws-cn:rds:us-west-2:123456789012:cluster:shop-primary"));
        assertEquals(Optional.empty(), GLOBAL.member("arn:aws:rds:us-west-2:123456789012:cluster:shop-other"));
    }

    @Test
    void sameCluster_whenNotAClusterArn_comparesExactly() {
        assertTrue(GlobalCluster.sameCluster("shop-primary", "shop-primary"));
        assertFalse(GlobalCluster.sameCluster("shop-primary", PRIMARY));
    }
}

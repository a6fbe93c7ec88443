package io.github.drkit.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code restoreDatabase.vpcSecurityGroupIds}: the groups the restored instance gets instead of the VPC's default one. */
class RestoreDatabaseSecurityGroupsTest {
    private static RestoreDatabasePlan step(String groups) {
        return (RestoreDatabasePlan) RecoveryPlan.parse("""
                {"version": 2, "application": "shop", "strategy": "BACKUP_RESTORE", "primaryRegion": "us-east-1", "recoveryRegion": "us-west-2",
                 "stages": [{"name": "data", "steps": [
                   {"kind": "restoreDatabase", "sourceDbInstanceIdentifier": "orders", "dbInstanceIdentifier": "orders-restored"%s}]}]}"""
                .formatted(groups == null ? "" : ", \"vpcSecurityGroupIds\": " + groups)).steps().get(0);
    }

    @Test
    void read_whenAbsent_isEmptyAndWritesNothing() {
        RestoreDatabasePlan step = step(null);

        assertEquals(List.of(), step.vpcSecurityGroupIds());
        assertFalse(new RestoreDatabaseKind().write(step).containsKey("vpcSecurityGroupIds"));
    }

    @Test
    void read_whenShortAndLongIds_keepsThemInOrderAndWritesThem() {
        RestoreDatabasePlan step = step("[\"sg-0123abcd\", \"sg-0123456789abcdef0\"]");

        assertEquals(List.of("sg-0123abcd", "sg-0123456789abcdef0"), step.vpcSecurityGroupIds());
        assertEquals(List.of("sg-0123abcd", "sg-0123456789abcdef0"), new RestoreDatabaseKind().write(step).get("vpcSecurityGroupIds"));
    }

    @Test
    void read_whenAnIdIsMalformed_namesTheElementAndTheRule() {
        PlanValidationException e = assertThrows(PlanValidationException.class, () -> step("[\"sg-0123abcd\", \"default\"]"));

        assertEquals("stages[0].steps[0].vpcSecurityGroupIds[1]: must be a VPC security group id, sg- and 8 or 17 hex digits (got 'default')",
                e.getMessage());
    }

    @Test
    void read_whenEmpty_saysToLeaveItOut() {
        PlanValidationException e = assertThrows(PlanValidationException.class, () -> step("[]"));

        assertEquals("stages[0].steps[0].vpcSecurityGroupIds: must list at least one security group id, or be left out for the VPC's"
                + " default group (got [])", e.getMessage());
    }

    @Test
    void read_whenMoreThanFive_namesTheQuota() {
        PlanValidationException e = assertThrows(PlanValidationException.class, () -> step(
                "[\"sg-00000001\", \"sg-00000002\", \"sg-00000003\", \"sg-00000004\", \"sg-00000005\", \"sg-00000006\"]"));

        assertEquals("stages[0].steps[0].vpcSecurityGroupIds: must list at most 5 security groups, the default quota of groups per network"
                + " interface (got 6)", e.getMessage());
    }

    @Test
    void read_whenAGroupRepeats_namesTheSecondOne() {
        PlanValidationException e = assertThrows(PlanValidationException.class, () -> step("[\"sg-0123abcd\", \"sg-0123abcd\"]"));

        assertEquals("stages[0].steps[0].vpcSecurityGroupIds[1]: must name each security group once (sg-0123abcd is also vpcSecurityGroupIds[0])", e.getMessage());
    }
}

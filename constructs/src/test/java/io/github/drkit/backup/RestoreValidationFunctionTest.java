package io.github.drkit.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.drkit.failover.RuntimeCode;
import io.github.drkit.internal.protection.NagFindings;
import io.github.drkit.testsupport.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The restore testing plan's validation: the function, the rule on this plan's completed jobs, its role and its safety nets. */
class RestoreValidationFunctionTest {
    private static final Map<String, String> TAGS = Map.of("backup", "hourly");

    private static BackupVault vault(Stack stack, RestoreTesting.Builder testing) {
        return new BackupVault(stack, "Vault", BackupVaultProps.builder().backupTags(TAGS).restoreTesting(testing.build()).build());
    }

    /** Every action of every statement of the validation role's policy, with its resources. */
    private static Map<String, Object> statementsByAction(Template t) {
        Map<String, Object> out = new java.util.TreeMap<>();
        for (Map<String, Object> st : Fixtures.policyStatements(t)) {
            Object actions = st.get("Action");
            for (Object a : actions instanceof List<?> l ? l : List.of(actions)) {
                out.put((String) a, st.get("Resource"));
            }
        }
        return out;
    }

    @Test
    void constructor_whenValidation_deploysRuntimeHandlerOnThisPlansCompletedJobs() {
        Stack stack = BackupVaultTest.stack();
        BackupVault vault = vault(stack, RestoreTesting.builder().protectedResourceType("EBS").validation(true));
        Template t = Template.fromStack(stack);

        String plan = stack.resolve(vault.getRestoreTestingPlan().getLogicalId()).toString();
        Map<String, Object> planArn = Map.of("Fn::GetAtt", List.of(plan, "RestoreTestingPlanArn"));
        t.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", RuntimeCode.VALIDATION_HANDLER,
                "Runtime", "java21",
                "Timeout", 300,
                "Environment", Map.of("Variables", Match.objectLike(Map.of("DRKIT_RESTORE_TESTING_PLAN_ARN", planArn))))));
        t.hasResourceProperties("AWS::Events::Rule", Map.of(
                "Description", Match.anyValue(),
                "State", "ENABLED",
                "EventPattern", Map.of("source", List.of("aws.backup"), "detail-type", List.of("Restore Job State Change"),
                        "detail", Map.of("restoreTestingPlanArn", List.of(planArn), "status", List.of("COMPLETED"))),
                "Targets", List.of(Match.objectLike(Map.of(
                        "RetryPolicy", Map.of("MaximumRetryAttempts", 2, "MaximumEventAgeInSeconds", 7200),
                        "DeadLetterConfig", Map.of("Arn", Match.anyValue()))))));
        t.hasResourceProperties("AWS::SQS::Queue", Map.of("SqsManagedSseEnabled", true, "MessageRetentionPeriod", 1209600));
        t.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 365));
        t.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("MetricName", "Errors",
                "AlarmActions", List.of(Map.of("Ref", Match.stringLikeRegexp("VaultNotifications.*"))))));
        // The restored resource must still exist when the function looks at it.
        t.hasResourceProperties("AWS::Backup::RestoreTestingSelection", Match.objectLike(Map.of("ValidationWindowHours", 1)));
        assertTrue(vault.getRestoreValidation().getFunction() != null);
    }

    @Test
    void constructor_whenEbsValidation_grantsTheReportAndTheVolumeReadOnly() {
        Stack stack = BackupVaultTest.stack();
        vault(stack, RestoreTesting.builder().protectedResourceType("EBS").validation(true));
        Map<String, Object> granted = statementsByAction(Template.fromStack(stack));

        assertEquals("*", granted.get("backup:PutRestoreValidationResult"));
        assertEquals("*", granted.get("ec2:DescribeVolumes"));
        Set<String> actions = new TreeSet<>(granted.keySet());
        actions.removeIf(a -> a.startsWith("logs:") || a.startsWith("sqs:") || a.startsWith("kms:") || a.startsWith("sns:"));
        assertEquals(Set.of("backup:PutRestoreValidationResult", "ec2:DescribeVolumes"), actions, granted.toString());
    }

    @Test
    void constructor_whenRdsValidation_grantsDescribeOnTheAccountsDbInstancesOnly() {
        Stack stack = BackupVaultTest.stack();
        vault(stack, RestoreTesting.builder().protectedResourceType("RDS").validation(true));
        Map<String, Object> granted = statementsByAction(Template.fromStack(stack));

        assertEquals(Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":rds:us-east-1:111111111111:db:*"))),
                granted.get("rds:DescribeDBInstances"));
        assertFalse(granted.containsKey("ec2:DescribeVolumes"), granted.toString());
        assertFalse(granted.containsKey("rds:DescribeDBClusters"), granted.toString());
    }

    @Test
    void constructor_whenValidationOff_deploysNoFunction() {
        Stack stack = BackupVaultTest.stack();
        BackupVault vault = vault(stack, RestoreTesting.builder().protectedResourceType("EBS"));

        Template.fromStack(stack).resourceCountIs("AWS::Lambda::Function", 0);
        Template.fromStack(stack).resourceCountIs("AWS::Events::Rule", 0);
        assertNull(vault.getRestoreValidation());
    }

    @Test
    void constructor_whenValidationOfTypeWithoutCheck_failsNamingTheType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> vault(BackupVaultTest.stack(),
                RestoreTesting.builder().protectedResourceType("EFS").validation(true)));

        assertEquals("BackupVault: restoreTesting.validation needs a protectedResourceType of [Aurora, DynamoDB, EBS, EC2, RDS, S3], whose "
                + "restored resources the validation function can check (got EFS)", e.getMessage());
    }

    @Test
    void constructor_whenValidationWithZeroWindow_failsNamingTheWindow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> vault(BackupVaultTest.stack(),
                RestoreTesting.builder().protectedResourceType("EBS").validation(true).validationWindowHours(0)));

        assertEquals("BackupVault: restoreTesting.validationWindowHours must be at least 1 with validation: AWS Backup deletes the "
                + "restored resource when the window closes, before it can be checked (got 0)", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Aurora", "DynamoDB", "EBS", "EC2", "RDS", "S3"})
    void awsSolutionsChecks_whenValidationOfEachType_reportNoUnsuppressedFinding(String type) {
        Stack stack = BackupVaultTest.stack();
        vault(stack, RestoreTesting.builder().protectedResourceType(type).validation(true));

        assertEquals(List.of(), NagFindings.errors(stack));
    }
}

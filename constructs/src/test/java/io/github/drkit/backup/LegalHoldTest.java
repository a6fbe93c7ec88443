package io.github.drkit.backup;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LegalHoldTest {
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-06-30T23:59:59Z");

    private static LegalHoldProps.Builder hold() {
        return LegalHoldProps.builder().backupVaultNames(List.of("orders-primary")).title("case-4711")
                .description("Litigation hold for case 4711").fromDate(FROM).toDate(TO);
    }

    private static String message(LegalHoldProps.Builder props) {
        return assertThrows(IllegalArgumentException.class,
                () -> new LegalHold(BackupVaultTest.stack(), "Hold", props.build())).getMessage();
    }

    @Test
    void constructor_whenDateRange_createsTheHoldAndKeepsItOnDelete() {
        Stack stack = BackupVaultTest.stack();
        new LegalHold(stack, "Hold", hold().build());
        Template t = Template.fromStack(stack);
        t.hasResourceProperties("Custom::BackupLegalHold", Match.objectLike(Map.of(
                "Create", Match.serializedJson(Match.objectLike(Map.of(
                        "service", "Backup",
                        "action", "CreateLegalHold",
                        "parameters", Match.objectLike(Map.of(
                                "Title", "case-4711",
                                "Description", "Litigation hold for case 4711",
                                "RecoveryPointSelection", Map.of("VaultNames", List.of("orders-primary"),
                                        "DateRange", Map.of("FromDate", "2026-01-01T00:00:00Z", "ToDate", "2026-06-30T23:59:59Z")))),
                        "physicalResourceId", Map.of("responsePath", "LegalHoldId")))),
                "Delete", Match.absent())));
        t.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", List.of(Match.objectLike(Map.of("Action", "backup:CreateLegalHold"))))))));
    }

    @Test
    void constructor_whenPropsChange_placesANewHoldWithANewToken() {
        Stack before = BackupVaultTest.stack();
        new LegalHold(before, "Hold", hold().build());
        Stack after = BackupVaultTest.stack();
        new LegalHold(after, "Hold", hold().title("case-4712").build());
        String first = String.valueOf(Template.fromStack(before).findResources("Custom::BackupLegalHold").values().iterator().next());
        String second = String.valueOf(Template.fromStack(after).findResources("Custom::BackupLegalHold").values().iterator().next());
        Template.fromStack(before).hasResourceProperties("Custom::BackupLegalHold", Match.objectLike(Map.of(
                "Update", Match.serializedJson(Match.objectLike(Map.of("action", "CreateLegalHold",
                        "physicalResourceId", Map.of("responsePath", "LegalHoldId")))))));
        assertNotEquals(token(first), token(second));
    }

    private static String token(String resource) {
        // The Create call is serialized JSON inside the template: skip its quoting, whatever the escaping.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("IdempotencyToken[^0-9a-f]{1,12}([0-9a-f]{40})").matcher(resource);
        assertTrue(m.find(), "no idempotency token in " + resource);
        return m.group(1);
    }

    @Test
    void constructor_whenCancelOnDelete_cancelsTheHoldItCreated() {
        Stack stack = BackupVaultTest.stack();
        new LegalHold(stack, "Hold", hold().cancelOnDelete(true).build());
        Template t = Template.fromStack(stack);
        t.hasResourceProperties("Custom::BackupLegalHold", Match.objectLike(Map.of(
                "Delete", Match.serializedJson(Match.objectLike(Map.of("action", "CancelLegalHold",
                        "parameters", Match.objectLike(Map.of("LegalHoldId", "PHYSICAL:RESOURCEID:"))))))));
        t.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", List.of(Match.objectLike(Map.of("Action", List.of("backup:CreateLegalHold", "backup:CancelLegalHold")))))))));
    }

    @Test
    void constructor_whenNoVault_fails() {
        assertEquals("LegalHold: backupVaultNames must name at least one vault (got none)", message(hold().backupVaultNames(List.of())));
    }

    @Test
    void constructor_whenVaultNameInvalid_fails() {
        assertEquals("LegalHold: backupVaultNames[0] must be 2-50 letters, digits, '-' or '_' (got 'a')",
                message(hold().backupVaultNames(List.of("a"))));
    }

    @Test
    void constructor_whenTitleBlank_fails() {
        assertEquals("LegalHold: title is required (got ' ')", message(hold().title(" ")));
    }

    @Test
    void constructor_whenDescriptionMissing_fails() {
        assertEquals("LegalHold: description is required (got 'null')", message(hold().description(null)));
    }

    @Test
    void constructor_whenDateMissing_fails() {
        assertEquals("LegalHold: fromDate and toDate are required (got 2026-01-01T00:00:00Z to null)", message(hold().toDate(null)));
    }

    @Test
    void constructor_whenRangeReversed_fails() {
        assertEquals("LegalHold: fromDate (2026-06-30T23:59:59Z) must be before toDate (2026-01-01T00:00:00Z)",
                message(hold().fromDate(TO).toDate(FROM)));
    }
}

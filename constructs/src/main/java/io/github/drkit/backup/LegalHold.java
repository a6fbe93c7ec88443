package io.github.drkit.backup;

import io.github.drkit.internal.protection.NagSuppression;
import io.github.drkit.objectives.DataProtections;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.customresources.AwsCustomResource;
import software.amazon.awscdk.customresources.AwsCustomResourcePolicy;
import software.amazon.awscdk.customresources.AwsSdkCall;
import software.amazon.awscdk.customresources.PhysicalResourceId;
import software.amazon.awscdk.customresources.PhysicalResourceIdReference;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;
import software.constructs.IConstruct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An AWS Backup legal hold over the recovery points of one or more vaults created in a date range:
 * while it is active, they cannot be deleted and their lifecycle (cold storage, expiry) waits.
 *
 * <p>The CloudFormation resource specification that aws-cdk-lib is generated from has no legal hold
 * resource, so this is a custom resource that calls AWS Backup's CreateLegalHold (and, only with
 * {@code cancelOnDelete}, CancelLegalHold). A hold can also be placed from the command line:
 * {@code aws backup create-legal-hold} (see docs/data-protection.md).
 */
public class LegalHold extends Construct {
    /** The construct id of AwsCustomResource's singleton provider function in the stack (aws-cdk-lib's constant). */
    private static final String PROVIDER_ID = "AWS679f53fac002430cb0da5b7982bd2287";

    private final AwsCustomResource resource;

    public LegalHold(Construct scope, String id, LegalHoldProps props) {
        super(scope, id);
        check(props);
        Map<String, Object> selection = new LinkedHashMap<>();
        selection.put("VaultNames", props.getBackupVaultNames());
        selection.put("DateRange", Map.of("FromDate", props.getFromDate().toString(), "ToDate", props.getToDate().toString()));
        if (!props.getResourceIdentifiers().isEmpty()) {
            selection.put("ResourceIdentifiers", props.getResourceIdentifiers());
        }
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("Title", props.getTitle());
        create.put("Description", props.getDescription());
        create.put("RecoveryPointSelection", selection);
        // A retried create must not place a second hold; a changed hold is a new one, so the token follows the props.
        create.put("IdempotencyToken", idempotencyToken(getNode().getAddr(), create));
        Stack stack = Stack.of(this);
        String holds = "arn:" + stack.getPartition() + ":backup:" + stack.getRegion() + ":" + stack.getAccount() + ":legal-hold:*";
        List<String> actions = props.getCancelOnDelete() ? List.of("backup:CreateLegalHold", "backup:CancelLegalHold")
                : List.of("backup:CreateLegalHold");
        AwsSdkCall place = AwsSdkCall.builder()
                .service("Backup")
                .action("CreateLegalHold")
                .parameters(create)
                .physicalResourceId(PhysicalResourceId.fromResponse("LegalHoldId"))
                .outputPaths(List.of("LegalHoldId", "LegalHoldArn"))
                .build();
        // A legal hold cannot be changed in place. A change of dates, vaults or title places a new hold; its new id
        // makes CloudFormation delete the old resource, which cancels the old hold only with cancelOnDelete.
        AwsCustomResource.Builder b = AwsCustomResource.Builder.create(this, "Resource")
                .resourceType("Custom::BackupLegalHold")
                .installLatestAwsSdk(false)
                .onCreate(place)
                .onUpdate(place)
                .policy(AwsCustomResourcePolicy.fromStatements(List.of(PolicyStatement.Builder.create()
                        .actions(actions)
                        .resources(List.of(holds))
                        .build())));
        if (props.getCancelOnDelete()) {
            b.onDelete(AwsSdkCall.builder()
                    .service("Backup")
                    .action("CancelLegalHold")
                    .parameters(Map.of("LegalHoldId", new PhysicalResourceIdReference(),
                            "CancelDescription", "removed from stack " + stack.getStackName()))
                    .build());
        }
        this.resource = b.build();
        Map<String, Object> declared = new LinkedHashMap<>();
        declared.put("title", props.getTitle());
        declared.put("vaults", props.getBackupVaultNames());
        declared.put("from", props.getFromDate().toString());
        declared.put("to", props.getToDate().toString());
        DataProtections.declare(this, "legal hold", declared);
        NagSuppression.add(resource.getNode().findChild("CustomResourcePolicy"), "AwsSolutions-IAM5",
                "A legal hold's ARN holds the id AWS Backup assigns when CreateLegalHold returns, so the policy can only "
                        + "name the account's legal holds in this Region (legal-hold:*).",
                List.of(NagSuppression.regex("^Resource::arn:<AWS::Partition>:backup:.*:legal-hold:\\*$")));
        // The provider function is one per stack, shared by every AwsCustomResource in it.
        IConstruct provider = stack.getNode().tryFindChild(PROVIDER_ID);
        if (provider != null && provider.getNode().tryFindChild("ServiceRole") != null) {
            NagSuppression.add(provider.getNode().findChild("ServiceRole"), "AwsSolutions-IAM4",
                    "The provider function of CDK's AwsCustomResource writes its logs with AWSLambdaBasicExecutionRole, which "
                            + "grants only logs:CreateLogGroup, logs:CreateLogStream and logs:PutLogEvents; the function's log "
                            + "group name is generated, so a hand-written policy would need the same wildcard.",
                    List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
        }
    }

    /** At most 64 characters: the construct's path and what the hold selects, hashed. */
    private static String idempotencyToken(String addr, Map<String, Object> create) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((addr + create).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest).substring(0, 40);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    private static void check(LegalHoldProps p) {
        if (p.getBackupVaultNames().isEmpty()) {
            throw error("backupVaultNames must name at least one vault (got none)");
        }
        for (int i = 0; i < p.getBackupVaultNames().size(); i++) {
            String n = p.getBackupVaultNames().get(i);
            if (n == null || (!Token.isUnresolved(n) && !n.matches("[a-zA-Z0-9\\-_]{2,50}"))) {
                throw error("backupVaultNames[" + i + "] must be 2-50 letters, digits, '-' or '_' (got '" + n + "')");
            }
        }
        if (p.getTitle() == null || p.getTitle().isBlank()) {
            throw error("title is required (got '" + p.getTitle() + "')");
        }
        if (p.getDescription() == null || p.getDescription().isBlank()) {
            throw error("description is required (got '" + p.getDescription() + "')");
        }
        if (p.getFromDate() == null || p.getToDate() == null) {
            throw error("fromDate and toDate are required (got " + p.getFromDate() + " to " + p.getToDate() + ")");
        }
        if (!p.getFromDate().isBefore(p.getToDate())) {
            throw error("fromDate (" + p.getFromDate() + ") must be before toDate (" + p.getToDate() + ")");
        }
    }

    static IllegalArgumentException error(String message) {
        return new IllegalArgumentException("LegalHold: " + message);
    }

    /** The hold's id (LegalHoldId), resolved at deploy time. */
    public String getLegalHoldId() {
        return resource.getResponseField("LegalHoldId");
    }

    /** The hold's ARN, resolved at deploy time. */
    public String getLegalHoldArn() {
        return resource.getResponseField("LegalHoldArn");
    }
}

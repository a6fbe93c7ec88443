package io.github.drkit.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** {@code restoreBackup}: restore a protected resource from an AWS Backup recovery point in the recovery Region ({@link RestoreBackupPlan}). */
public final class RestoreBackupKind implements StepKind<RestoreBackupPlan> {
    public static final String NAME = "restoreBackup";
    /** AWS Backup's rule for vault names. */
    private static final Pattern VAULT_NAME = Pattern.compile("[a-zA-Z0-9_-]{2,50}");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<RestoreBackupPlan> type() {
        return RestoreBackupPlan.class;
    }

    @Override
    public RestoreBackupPlan read(Fields step, StepContext context) {
        String region = context.region(step, "region");
        String vault = step.requiredMatching("backupVaultName", VAULT_NAME, "must be an AWS Backup vault name: 2-50 letters, digits, '-' or '_'");
        String type = step.requiredString("resourceType");
        RestoreMetadataRules rules = RestoreMetadataRules.of(type);
        if (rules == null) {
            throw new PlanValidationException(step.child("resourceType"), "must be a resource type the restore can start through AWS Backup, one of "
                    + String.join(", ", RestoreMetadataRules.types()) + " (got '" + type + "')");
        }
        String resourceArn = step.requiredString("resourceArn");
        if (!step.isUnresolved(resourceArn)) {
            java.util.regex.Matcher m = rules.arn().matcher(resourceArn);
            if (!m.matches()) {
                throw new PlanValidationException(step.child("resourceArn"), "must be the ARN of " + rules.what() + " (" + rules.arnExample()
                        + ") for resourceType " + type + " (got '" + resourceArn + "')");
            }
            context.knownRegion(step.child("resourceArn"), m.group(1));
        }
        String role = step.requiredMatching("restoreRoleArn", AssumeRole.ROLE_ARN, "must be an IAM role ARN, arn:<partition>:iam::<account>:role/<name>,"
                + " the role AWS Backup assumes to create the restored resource");
        Map<String, String> metadata = new LinkedHashMap<>();
        Fields metadataFields = step.optionalObject("restoreMetadata");
        if (metadataFields != null) {
            for (String key : metadataFields.names()) {
                metadata.put(key, metadataFields.requiredString(key));
            }
        }
        rules.check(metadata, step.child("restoreMetadata"), resourceArn, region, step::isUnresolved);
        Integer rpo = step.optionalInt("rpoSeconds", 1, RestoreDatabaseKind.MAX_RPO_SECONDS);
        step.finish();
        return new RestoreBackupPlan(region, vault, type, resourceArn, role, metadata, rpo, step.path());
    }

    @Override
    public Map<String, Object> write(RestoreBackupPlan step) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", step.region());
        m.put("backupVaultName", step.backupVaultName());
        m.put("resourceType", step.resourceType());
        m.put("resourceArn", step.resourceArn());
        m.put("restoreRoleArn", step.restoreRoleArn());
        if (!step.restoreMetadata().isEmpty()) {
            m.put("restoreMetadata", new LinkedHashMap<>(new TreeMap<>(step.restoreMetadata())));
        }
        if (step.rpoSeconds() != null) {
            m.put("rpoSeconds", step.rpoSeconds());
        }
        return m;
    }

    /** One restore per protected resource and Region: two would race to create the same resource. */
    @Override
    public void checkAcross(List<RestoreBackupPlan> steps) {
        Uniqueness.unique(steps, s -> s.region() + "/" + s.resourceArn(), RestoreBackupPlan::path, "resourceArn", "protected resource to restore");
    }

    /** Failback never deletes what a restore created: a person decides when the restored resource goes. */
    @Override
    public OptionalInt failbackRank() {
        return OptionalInt.empty();
    }
}

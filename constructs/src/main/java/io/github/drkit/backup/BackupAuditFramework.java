package io.github.drkit.backup;

import io.github.drkit.internal.protection.Durations;
import io.github.drkit.objectives.DataProtections;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.UniqueResourceNameOptions;
import software.amazon.awscdk.services.backup.CfnFramework;
import software.amazon.awscdk.services.backup.CfnReportPlan;
import software.amazon.awscdk.services.iam.ArnPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An AWS Backup Audit Manager framework whose controls follow what a {@link BackupVault} declares,
 * and report plans that deliver its compliance (and job) reports to an S3 bucket. The controls:
 * the plan's minimum frequency and retention (its most frequent rule), the recovery points' minimum
 * retention (the shortest rule) and encryption, resources protected by a backup plan, manual deletion
 * disabled (with {@code blockRecoveryPointDeletion}), Vault Lock bounds (with {@code vaultLock}),
 * cross-Region and cross-account copies (with {@code copyTo}).
 *
 * <p>Audit Manager evaluates controls with AWS Config: the account needs a configuration recorder
 * that records AWS Backup resources (backup plans, selections, vaults, recovery points).
 */
public class BackupAuditFramework extends Construct {
    private final CfnFramework framework;
    private final List<AuditControl> controls;
    private final IBucket reportBucket;
    private final List<CfnReportPlan> reportPlans = new ArrayList<>();

    public BackupAuditFramework(Construct scope, String id, BackupAuditFrameworkProps props) {
        super(scope, id);
        // The report bucket's access logs are delivered under a bucket policy, not the log-delivery ACL,
        // so both buckets can enforce bucket-owner object ownership.
        getNode().setContext("@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy", true);
        check(props);
        this.controls = AuditControls.of(props.getVault());
        String name = props.getFrameworkName() != null ? props.getFrameworkName() : generatedName(this);
        List<CfnFramework.FrameworkControlProperty> cfnControls = new ArrayList<>();
        Map.Entry<String, String> scopeTag = scopeTag(props.getVault().getProps());
        for (AuditControl c : controls) {
            CfnFramework.FrameworkControlProperty.Builder cb = CfnFramework.FrameworkControlProperty.builder().controlName(c.getControlName());
            if (!c.getParameters().isEmpty()) {
                List<CfnFramework.ControlInputParameterProperty> params = new ArrayList<>();
                new TreeMap<>(c.getParameters()).forEach((k, v) -> params.add(CfnFramework.ControlInputParameterProperty.builder()
                        .parameterName(k).parameterValue(v).build()));
                cb.controlInputParameters(params);
            }
            if (scopeTag != null && c.getControlName().startsWith("BACKUP_RESOURCES_PROTECTED_BY_")) {
                // A resource control evaluates every resource of the account unless scoped; the scope
                // takes one tag, so it is the selection's first tag (by key).
                // ControlScope is untyped JSON in the CloudFormation schema: CDK passes a typed builder's
                // camelCase keys through unchanged, so it is written with CloudFormation's casing.
                cb.controlScope(Map.of("Tags", List.of(Map.of("Key", scopeTag.getKey(), "Value", scopeTag.getValue()))));
            }
            cfnControls.add(cb.build());
        }
        this.framework = CfnFramework.Builder.create(this, "Framework")
                .frameworkName(name)
                .frameworkDescription("Controls of the backup vault " + props.getVault().getNode().getPath())
                .frameworkControls(cfnControls)
                .build();

        Map<String, Object> declared = new LinkedHashMap<>();
        declared.put("framework", name);
        declared.put("vault", props.getVault().getNode().getPath());
        declared.put("controls", controls.stream().map(AuditControl::toString).toList());
        declared.put("reports", props.getReportTemplates());
        DataProtections.declare(this, "audit framework", declared);
        this.reportBucket = props.getReportBucket() != null ? props.getReportBucket() : reportBucket(props);
        Stack stack = Stack.of(this);
        // AWS Backup writes reports as its service-linked role for reports.
        reportBucket.addToResourcePolicy(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .principals(List.of(new ArnPrincipal("arn:" + stack.getPartition() + ":iam::" + stack.getAccount()
                        + ":role/aws-service-role/reports.backup.amazonaws.com/AWSServiceRoleForBackupReports")))
                .actions(List.of("s3:PutObject"))
                .resources(List.of(reportBucket.arnForObjects(props.getReportKeyPrefix() + "/*")))
                .conditions(Map.of("StringEquals", Map.of("s3:x-amz-acl", "bucket-owner-full-control")))
                .build());
        for (String template : props.getReportTemplates()) {
            // ReportSetting and ReportDeliveryChannel are untyped JSON in the CloudFormation schema, as ControlScope.
            Map<String, Object> setting = new LinkedHashMap<>();
            setting.put("ReportTemplate", template);
            if (template.endsWith("_COMPLIANCE_REPORT")) {
                setting.put("FrameworkArns", List.of(framework.getAttrFrameworkArn()));
            }
            String planId = camel(template);
            reportPlans.add(CfnReportPlan.Builder.create(this, planId)
                    .reportPlanName(truncate(name + "_" + template.toLowerCase(java.util.Locale.ROOT)))
                    .reportPlanDescription(template + " of the backup vault " + props.getVault().getNode().getPath())
                    .reportSetting(setting)
                    .reportDeliveryChannel(Map.of(
                            "S3BucketName", reportBucket.getBucketName(),
                            "S3KeyPrefix", props.getReportKeyPrefix(),
                            "Formats", props.getReportFormats()))
                    .build());
        }
    }

    private static void check(BackupAuditFrameworkProps p) {
        if (p.getVault().getBackupPlan() == null) {
            throw error("vault must have a backup plan (got '" + p.getVault().getNode().getPath() + "', which only receives copies): "
                    + "the controls check the plan's frequency, retention and selections; audit the vault that backs up");
        }
        String name = p.getFrameworkName();
        if (name != null && !Token.isUnresolved(name) && !name.matches("[a-zA-Z][_a-zA-Z0-9]{0,255}")) {
            throw error("frameworkName must start with a letter and hold only letters, digits and '_', at most 256 (got '" + name + "')");
        }
        if (p.getReportTemplates().isEmpty()) {
            throw error("reportTemplates must name at least one template (got an empty list)");
        }
        for (int i = 0; i < p.getReportTemplates().size(); i++) {
            String t = p.getReportTemplates().get(i);
            if (!BackupAuditFrameworkProps.REPORT_TEMPLATES.contains(t)) {
                throw error("reportTemplates[" + i + "] must be one of " + BackupAuditFrameworkProps.REPORT_TEMPLATES + " (got '" + t + "')");
            }
        }
        if (new LinkedHashSet<>(p.getReportTemplates()).size() != p.getReportTemplates().size()) {
            throw error("reportTemplates must not repeat a template (got " + p.getReportTemplates() + ")");
        }
        if (p.getReportFormats().isEmpty()) {
            throw error("reportFormats must name at least one format (got an empty list)");
        }
        for (int i = 0; i < p.getReportFormats().size(); i++) {
            if (!BackupAuditFrameworkProps.REPORT_FORMATS.contains(p.getReportFormats().get(i))) {
                throw error("reportFormats[" + i + "] must be one of " + BackupAuditFrameworkProps.REPORT_FORMATS + " (got '"
                        + p.getReportFormats().get(i) + "')");
            }
        }
        String prefix = p.getReportKeyPrefix();
        if (!Token.isUnresolved(prefix) && (prefix.isEmpty() || prefix.startsWith("/") || prefix.endsWith("/"))) {
            throw error("reportKeyPrefix must be non-empty without a leading or trailing '/' (got '" + prefix + "')");
        }
    }

    private static Map.Entry<String, String> scopeTag(BackupVaultProps p) {
        return p.getBackupTags().isEmpty() ? null : new TreeMap<>(p.getBackupTags()).firstEntry();
    }

    private IBucket reportBucket(BackupAuditFrameworkProps p) {
        Bucket logs = Bucket.Builder.create(this, "ReportAccessLogs")
                // S3 delivers server access logs only to buckets with SSE-S3 default encryption.
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .versioned(true)
                .lifecycleRules(List.of(LifecycleRule.builder().id("ExpireLogs")
                        .expiration(software.amazon.awscdk.Duration.days(365))
                        .noncurrentVersionExpiration(software.amazon.awscdk.Duration.days(1))
                        .build()))
                .removalPolicy(p.getRemovalPolicy())
                .build();
        // SSE-S3: the reports role would need a key policy grant for a KMS key this construct cannot
        // know the role of before AWS Backup creates it.
        return Bucket.Builder.create(this, "Reports")
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .versioned(true)
                .serverAccessLogsBucket(logs)
                .serverAccessLogsPrefix("reports/")
                .removalPolicy(p.getRemovalPolicy())
                .build();
    }

    private static String generatedName(Construct c) {
        String n = Names.uniqueResourceName(c, UniqueResourceNameOptions.builder().maxLength(200).separator("_")
                .allowedSpecialCharacters("_").build());
        return Character.isLetter(n.charAt(0)) ? n : "F" + n;
    }

    private static String camel(String template) {
        StringBuilder b = new StringBuilder();
        for (String part : template.split("_")) {
            b.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return b.toString();
    }

    private static String truncate(String name) {
        return name.length() <= 256 ? name : name.substring(0, 256);
    }

    static IllegalArgumentException error(String message) {
        return new IllegalArgumentException("BackupAuditFramework: " + message);
    }

    /** The framework's ARN. */
    public String getFrameworkArn() {
        return framework.getAttrFrameworkArn();
    }

    public CfnFramework getFramework() {
        return framework;
    }

    /** The controls, in the order of the template, with the declaration each follows. */
    public List<AuditControl> getControls() {
        return controls;
    }

    /** The bucket the reports go to. */
    public IBucket getReportBucket() {
        return reportBucket;
    }

    public List<CfnReportPlan> getReportPlans() {
        return List.copyOf(reportPlans);
    }
}

package io.github.drkit.backup;

import io.github.drkit.internal.protection.Durations;
import io.github.drkit.internal.protection.NagSuppression;
import io.github.drkit.objectives.DataProtections;
import io.github.drkit.objectives.DrStrategy;
import io.github.drkit.objectives.EstimateTerm;
import io.github.drkit.objectives.RecoveryEstimate;
import io.github.drkit.objectives.RecoveryEstimator;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.UniqueResourceNameOptions;
import software.amazon.awscdk.services.backup.BackupPlan;
import software.amazon.awscdk.services.backup.BackupPlanCopyActionProps;
import software.amazon.awscdk.services.backup.BackupPlanRule;
import software.amazon.awscdk.services.backup.BackupPlanRuleProps;
import software.amazon.awscdk.services.backup.BackupVaultEvents;
import software.amazon.awscdk.services.backup.CfnBackupSelection;
import software.amazon.awscdk.services.backup.CfnRestoreTestingPlan;
import software.amazon.awscdk.services.backup.CfnRestoreTestingSelection;
import software.amazon.awscdk.services.backup.IBackupPlan;
import software.amazon.awscdk.services.backup.IBackupVault;
import software.amazon.awscdk.services.backup.LockConfiguration;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.iam.AccountPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An AWS Backup vault with the plan that fills it: KMS encryption, an access policy that denies
 * deleting recovery points, optional Vault Lock, a schedule derived from the RPO, retention and cold
 * storage, copies to the recovery Region (and other accounts, and logically air-gapped vaults),
 * selections by resource and by tags (all tags must match) with exclusions by tag and by ARN, Windows
 * VSS, failure notifications and a restore testing plan. A plan has one rule made of the RPO and
 * retention props, or several {@link BackupRule}s (e.g. hourly, daily, monthly). Every AWS Backup rule
 * is checked at construction.
 *
 * <p>Without {@code backupResources} or {@code backupTags} no plan is created: the vault is the
 * destination of another Region's copies.
 *
 * <pre>{@code
 * new BackupVault(this, "Backups", BackupVaultProps.builder()
 *     .rpo(Duration.hours(1))                              // hourly backups
 *     .retention(Duration.days(35))
 *     .backupTags(Map.of("backup", "hourly", "env", "prod")) // both tags must match
 *     .copyTo(List.of(BackupCopy.toVault("recovery", "us-west-2", account).build()))
 *     .vaultLock(VaultLock.compliance(Duration.days(7), Duration.days(365)))
 *     .restoreTesting(RestoreTesting.builder().protectedResourceType("EBS").build())
 *     .build());
 * }</pre>
 */
public class BackupVault extends Construct implements RecoveryEstimator {
    /**
     * Continuous backup restores to a point within the last 5 minutes: RDS documents that the latest
     * restorable time is typically within 5 minutes of the present.
     */
    static final java.time.Duration PITR_LAG = java.time.Duration.ofMinutes(5);

    /**
     * AWS Backup has no BACKUP_JOB_FAILED notification that fires reliably: failed jobs are
     * BACKUP_JOB_COMPLETED with a State other than COMPLETED, so subscribers filter on State.
     */
    static final List<BackupVaultEvents> FAILURE_EVENTS = List.of(
            BackupVaultEvents.BACKUP_JOB_COMPLETED,
            BackupVaultEvents.COPY_JOB_FAILED,
            BackupVaultEvents.RESTORE_JOB_COMPLETED,
            BackupVaultEvents.S3_BACKUP_OBJECT_FAILED,
            BackupVaultEvents.S3_RESTORE_OBJECT_FAILED);

    private static final List<String> SERVICE_POLICIES = List.of(
            "service-role/AWSBackupServiceRolePolicyForBackup",
            "service-role/AWSBackupServiceRolePolicyForRestores",
            "AWSBackupServiceRolePolicyForS3Backup",
            "AWSBackupServiceRolePolicyForS3Restore");

    private final BackupVaultProps props;
    private final IKey encryptionKey;
    private final ITopic notificationTopic;
    private final software.amazon.awscdk.services.backup.BackupVault vault;
    private final BackupSchedule schedule;
    private final IRole backupRole;
    private final BackupPlan plan;
    private final CfnRestoreTestingPlan restoreTestingPlan;
    private RestoreValidationFunction restoreValidation;

    /** A vault with every default and no plan: a destination for copies. */
    public BackupVault(Construct scope, String id) {
        this(scope, id, BackupVaultProps.builder().build());
    }

    public BackupVault(Construct scope, String id, BackupVaultProps props) {
        super(scope, id);
        BackupRules.check(props);
        this.props = props;
        this.schedule = BackupSchedule.forRpo(props.getRpo());

        if (props.getEncryptionKey() != null) {
            this.encryptionKey = props.getEncryptionKey();
        } else {
            Key key = Key.Builder.create(this, "Key")
                    .description("Encrypts the recovery points and notifications of the backup vault " + getNode().getPath())
                    .enableKeyRotation(true)
                    .removalPolicy(props.getRemovalPolicy())
                    .build();
            // AWS Backup publishes to the notification topic, which this key encrypts.
            key.addToResourcePolicy(PolicyStatement.Builder.create()
                    .principals(List.of(new ServicePrincipal("backup.amazonaws.com")))
                    .actions(List.of("kms:GenerateDataKey*", "kms:Decrypt"))
                    .resources(List.of("*"))
                    .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", Stack.of(this).getAccount())))
                    .build());
            this.encryptionKey = key;
        }
        this.notificationTopic = props.getNotificationTopic() != null ? props.getNotificationTopic()
                : Topic.Builder.create(this, "Notifications")
                        .displayName("AWS Backup failures of " + getNode().getPath())
                        .masterKey(encryptionKey)
                        .enforceSsl(true)
                        .build();

        software.amazon.awscdk.services.backup.BackupVaultProps.Builder vb = software.amazon.awscdk.services.backup.BackupVaultProps.builder()
                .encryptionKey(encryptionKey)
                .blockRecoveryPointDeletion(props.getBlockRecoveryPointDeletion())
                .notificationTopic(notificationTopic)
                .notificationEvents(FAILURE_EVENTS)
                .removalPolicy(props.getRemovalPolicy());
        if (props.getBackupVaultName() != null) {
            vb.backupVaultName(props.getBackupVaultName());
        }
        if (!props.getAllowCopyFromAccounts().isEmpty()) {
            List<IPrincipal> accounts = new ArrayList<>();
            props.getAllowCopyFromAccounts().forEach(a -> accounts.add(new AccountPrincipal(a)));
            vb.accessPolicy(PolicyDocument.Builder.create().statements(List.of(PolicyStatement.Builder.create()
                    .effect(Effect.ALLOW)
                    .principals(accounts)
                    .actions(List.of("backup:CopyIntoBackupVault"))
                    .resources(List.of("*"))
                    .build())).build());
        }
        if (props.getVaultLock() != null) {
            VaultLock lock = props.getVaultLock();
            LockConfiguration.Builder lb = LockConfiguration.builder().minRetention(lock.getMinRetention());
            if (lock.getMaxRetention() != null) {
                lb.maxRetention(lock.getMaxRetention());
            }
            if (lock.getChangeableFor() != null) {
                lb.changeableFor(lock.getChangeableFor());
            }
            vb.lockConfiguration(lb.build());
        }
        this.vault = new software.amazon.awscdk.services.backup.BackupVault(this, "Vault", vb.build());

        DataProtections.declare(this, "backup vault", protections(props));
        if (!props.hasPlan()) {
            this.backupRole = props.getBackupRole();
            this.plan = null;
            this.restoreTestingPlan = null;
            return;
        }
        this.backupRole = props.getBackupRole() != null ? props.getBackupRole() : serviceRole();
        List<BackupPlanRule> rules = new ArrayList<>();
        for (int i = 0; i < props.getRules().size(); i++) {
            rules.add(new BackupPlanRule(rule(props, props.getRules().get(i), i)));
        }
        BackupPlan.Builder pb = BackupPlan.Builder.create(this, "Plan").backupVault(vault).backupPlanRules(rules);
        if (props.getWindowsVss()) {
            pb.windowsVss(true);
        }
        this.plan = pb.build();
        select(props);
        this.restoreTestingPlan = props.getRestoreTesting() != null ? restoreTesting(props.getRestoreTesting()) : null;
    }

    /** What the vault declares, for the DR summary. */
    private static Map<String, Object> protections(BackupVaultProps p) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("encryption", p.getEncryptionKey() != null ? "given KMS key" : "KMS key with yearly rotation");
        m.put("blockRecoveryPointDeletion", p.getBlockRecoveryPointDeletion());
        VaultLock lock = p.getVaultLock();
        m.put("vaultLock", lock == null ? "none" : lock.getMode() + " " + Durations.human(lock.getMinRetention()) + " to "
                + (lock.getMaxRetention() == null ? "no maximum" : Durations.human(lock.getMaxRetention())));
        if (!p.hasPlan()) {
            m.put("plan", "none: receives copies");
            return m;
        }
        List<Object> rules = new ArrayList<>();
        for (int i = 0; i < p.getRules().size(); i++) {
            BackupRule r = p.getRules().get(i);
            Map<String, Object> rule = new java.util.LinkedHashMap<>();
            rule.put("name", BackupRules.ruleName(r, i));
            rule.put("every", Durations.human(r.getFrequency()));
            rule.put("keep", Durations.human(r.getRetention()));
            if (r.getMoveToColdStorageAfter() != null) {
                rule.put("coldAfter", Durations.human(r.getMoveToColdStorageAfter()));
            }
            if (r.getContinuousBackup()) {
                rule.put("continuous", true);
            }
            List<String> copies = new ArrayList<>();
            for (BackupCopy c : r.getCopyTo()) {
                copies.add((c.getAirGappedVault() != null ? "air-gapped vault " + c.getAirGappedVault().getNode().getPath() : "vault")
                        + " in " + (c.getRegion() == null || Token.isUnresolved(c.getRegion()) ? "this Region" : c.getRegion())
                        + " kept " + Durations.human(c.getRetention() != null ? c.getRetention() : r.getRetention()));
            }
            if (!copies.isEmpty()) {
                rule.put("copies", copies);
            }
            rules.add(rule);
        }
        m.put("rules", rules);
        if (!p.getBackupTags().isEmpty()) {
            m.put("selectTags", new TreeMap<>(p.getBackupTags()));
        }
        if (!p.getBackupResources().isEmpty()) {
            m.put("selectResources", p.getBackupResources());
        }
        if (!p.getExcludeTags().isEmpty()) {
            m.put("excludeTags", new TreeMap<>(p.getExcludeTags()));
        }
        if (!p.getExcludeTagPatterns().isEmpty()) {
            m.put("excludeTagPatterns", new TreeMap<>(p.getExcludeTagPatterns()));
        }
        if (!p.getExcludeResources().isEmpty()) {
            m.put("excludeResources", p.getExcludeResources());
        }
        m.put("windowsVss", p.getWindowsVss());
        m.put("restoreTesting", p.getRestoreTesting() == null ? "none" : p.getRestoreTesting().getProtectedResourceType() + " "
                + p.getRestoreTesting().getScheduleExpression() + (p.getRestoreTesting().getValidation() ? " validated" : ""));
        return m;
    }

    private Role serviceRole() {
        List<software.amazon.awscdk.services.iam.IManagedPolicy> policies = new ArrayList<>();
        List<String> appliesTo = new ArrayList<>();
        for (String name : SERVICE_POLICIES) {
            policies.add(ManagedPolicy.fromAwsManagedPolicyName(name));
            appliesTo.add("Policy::arn:<AWS::Partition>:iam::aws:policy/" + name);
        }
        Role role = Role.Builder.create(this, "BackupRole")
                .assumedBy(new ServicePrincipal("backup.amazonaws.com"))
                .description("AWS Backup backups, restores and restore tests of " + getNode().getPath())
                .managedPolicies(policies)
                .build();
        NagSuppression.add(role, "AwsSolutions-IAM4",
                "These are the AWS Backup service-role policies AWS documents for a backup role. AWS maintains them as "
                        + "AWS Backup adds resource types and scopes them with service conditions; a hand-written copy would "
                        + "need the same wildcards and would fall behind.", appliesTo);
        return role;
    }

    private BackupPlanRuleProps rule(BackupVaultProps p, BackupRule r, int index) {
        List<BackupPlanCopyActionProps> copies = new ArrayList<>();
        for (int i = 0; i < r.getCopyTo().size(); i++) {
            BackupCopy c = r.getCopyTo().get(i);
            // The first rule keeps the construct ids of the one-rule plan, so existing stacks do not change.
            String id = "CopyDestination" + (index == 0 ? "" : BackupRules.ruleName(r, index)) + i;
            BackupPlanCopyActionProps.Builder cb = BackupPlanCopyActionProps.builder()
                    .destinationBackupVault(software.amazon.awscdk.services.backup.BackupVault.fromBackupVaultArn(this,
                            id, c.getDestinationVaultArn()))
                    .deleteAfter(c.getRetention() != null ? c.getRetention() : r.getRetention());
            if (c.getMoveToColdStorageAfter() != null) {
                cb.moveToColdStorageAfter(c.getMoveToColdStorageAfter());
            }
            copies.add(cb.build());
        }
        BackupPlanRuleProps.Builder rb = BackupPlanRuleProps.builder()
                .ruleName(BackupRules.ruleName(r, index))
                .scheduleExpression(Schedule.expression(BackupSchedule.forRpo(r.getFrequency()).expression()))
                .startWindow(p.getStartWindow())
                .completionWindow(p.getCompletionWindow())
                .deleteAfter(r.getRetention())
                .enableContinuousBackup(r.getContinuousBackup());
        if (r.getMoveToColdStorageAfter() != null) {
            rb.moveToColdStorageAfter(r.getMoveToColdStorageAfter());
        }
        if (!copies.isEmpty()) {
            rb.copyActions(copies);
        }
        return rb.build();
    }

    private void select(BackupVaultProps p) {
        if (!p.getBackupResources().isEmpty()) {
            CfnBackupSelection.BackupSelectionResourceTypeProperty.Builder sb = CfnBackupSelection.BackupSelectionResourceTypeProperty.builder()
                    .selectionName("Resources")
                    .iamRoleArn(backupRole.getRoleArn())
                    .resources(p.getBackupResources());
            Map<String, Object> conditions = conditions(p, false);
            if (!conditions.isEmpty()) {
                sb.conditions(conditions);
            }
            if (!p.getExcludeResources().isEmpty()) {
                sb.notResources(p.getExcludeResources());
            }
            CfnBackupSelection.Builder.create(this, "ResourceSelection")
                    .backupPlanId(plan.getBackupPlanId())
                    .backupSelection(sb.build())
                    .build();
        }
        if (!p.getBackupTags().isEmpty()) {
            // CDK's BackupSelection L2 puts tags in ListOfTags, which AWS Backup combines with OR
            // (aws-cdk issue 18911): a resource with any one of the tags would be backed up. Conditions
            // .StringEquals is combined with AND, so a resource must carry every tag, which is what a
            // selection such as {env=prod, backup=hourly} means.
            CfnBackupSelection.BackupSelectionResourceTypeProperty.Builder sb = CfnBackupSelection.BackupSelectionResourceTypeProperty.builder()
                    .selectionName("Tags")
                    .iamRoleArn(backupRole.getRoleArn())
                    .resources(List.of("*"))
                    .conditions(conditions(p, true));
            if (!p.getExcludeResources().isEmpty()) {
                sb.notResources(p.getExcludeResources());
            }
            CfnBackupSelection.Builder.create(this, "TagSelection")
                    .backupPlanId(plan.getBackupPlanId())
                    .backupSelection(sb.build())
                    .build();
        }
    }

    /**
     * A selection's Conditions: every condition must hold (AND). Conditions is untyped JSON in the
     * CloudFormation schema: CDK passes a map through unchanged, so it is written with CloudFormation's casing.
     */
    private static Map<String, Object> conditions(BackupVaultProps p, boolean withTags) {
        Map<String, Object> conditions = new TreeMap<>();
        if (withTags) {
            conditions.put("StringEquals", tagConditions(p.getBackupTags()));
        }
        if (!p.getExcludeTags().isEmpty()) {
            conditions.put("StringNotEquals", tagConditions(p.getExcludeTags()));
        }
        if (!p.getExcludeTagPatterns().isEmpty()) {
            conditions.put("StringNotLike", tagConditions(p.getExcludeTagPatterns()));
        }
        return conditions;
    }

    private static List<Map<String, String>> tagConditions(Map<String, String> tags) {
        List<Map<String, String>> out = new ArrayList<>();
        new TreeMap<>(tags).forEach((k, v) -> out.add(Map.of("ConditionKey", "aws:ResourceTag/" + k, "ConditionValue", v)));
        return out;
    }

    private CfnRestoreTestingPlan restoreTesting(RestoreTesting rt) {
        String planName = Names.uniqueResourceName(this, UniqueResourceNameOptions.builder()
                .maxLength(50).separator("_").allowedSpecialCharacters("_").build());
        List<String> types = props.anyContinuous() ? List.of("SNAPSHOT", "CONTINUOUS") : List.of("SNAPSHOT");
        CfnRestoreTestingPlan testPlan = CfnRestoreTestingPlan.Builder.create(this, "RestoreTestingPlan")
                .restoreTestingPlanName(planName)
                .scheduleExpression(rt.getScheduleExpression())
                .startWindowHours(rt.getStartWindowHours())
                .recoveryPointSelection(CfnRestoreTestingPlan.RestoreTestingRecoveryPointSelectionProperty.builder()
                        .algorithm("LATEST_WITHIN_WINDOW")
                        .includeVaults(List.of(vault.getBackupVaultArn()))
                        .recoveryPointTypes(types)
                        .selectionWindowDays(rt.getSelectionWindowDays())
                        .build())
                .build();
        CfnRestoreTestingSelection.Builder sb = CfnRestoreTestingSelection.Builder.create(this, "RestoreTestingSelection")
                .restoreTestingPlanName(testPlan.getRestoreTestingPlanName())
                .restoreTestingSelectionName(rt.getProtectedResourceType() + "_restore_test")
                .protectedResourceType(rt.getProtectedResourceType())
                .iamRoleArn(backupRole.getRoleArn());
        if (!props.getBackupTags().isEmpty()) {
            List<CfnRestoreTestingSelection.KeyValueProperty> equals = new ArrayList<>();
            new TreeMap<>(props.getBackupTags()).forEach((k, v) -> equals.add(CfnRestoreTestingSelection.KeyValueProperty.builder()
                    .key("aws:ResourceTag/" + k).value(v).build()));
            sb.protectedResourceConditions(CfnRestoreTestingSelection.ProtectedResourceConditionsProperty.builder()
                    .stringEquals(equals).build());
        } else {
            // Every protected resource of the type in the included vault.
            sb.protectedResourceArns(List.of("*"));
        }
        if (!rt.getRestoreMetadataOverrides().isEmpty()) {
            sb.restoreMetadataOverrides(rt.getRestoreMetadataOverrides());
        }
        if (rt.getValidationWindowHours() != null) {
            sb.validationWindowHours(rt.getValidationWindowHours());
        } else if (rt.getValidation()) {
            // The restored resource must outlive the restore job long enough to be checked.
            sb.validationWindowHours(RestoreTesting.VALIDATION_WINDOW_HOURS);
        }
        // The selection names the plan by a literal name, so CloudFormation needs the order spelled out.
        sb.build().addResourceDependency(testPlan);
        if (rt.getValidation()) {
            this.restoreValidation = new RestoreValidationFunction(this, "RestoreValidation", testPlan, rt.getProtectedResourceType(),
                    notificationTopic);
        }
        return testPlan;
    }

    /** The AWS Backup vault. */
    public IBackupVault getBackupVault() {
        return vault;
    }

    public String getBackupVaultArn() {
        return vault.getBackupVaultArn();
    }

    public String getBackupVaultName() {
        return vault.getBackupVaultName();
    }

    /** The backup plan, or null when nothing is selected (a copy destination). */
    public IBackupPlan getBackupPlan() {
        return plan;
    }

    /** The key that encrypts recovery points and notifications. */
    public IKey getEncryptionKey() {
        return encryptionKey;
    }

    /** The topic that receives failure notifications (subscribers filter BACKUP_JOB_COMPLETED on State). */
    public ITopic getNotificationTopic() {
        return notificationTopic;
    }

    /** The role AWS Backup assumes, or null for a vault without a plan and without a given role. */
    public IRole getBackupRole() {
        return backupRole;
    }

    /** The restore testing plan, or null. */
    public CfnRestoreTestingPlan getRestoreTestingPlan() {
        return restoreTestingPlan;
    }

    /** The validation of the restore testing plan's jobs, or null when {@code restoreTesting.validation} is off. */
    public RestoreValidationFunction getRestoreValidation() {
        return restoreValidation;
    }

    /** The cron expression the RPO produced, e.g. "cron(0 * * * ? *)" for an RPO of 1 hour. */
    public String getScheduleExpression() {
        return schedule.expression();
    }

    /** The longest time between two scheduled backups. */
    public java.time.Duration getBackupInterval() {
        return schedule.interval();
    }

    /** Grants actions on this vault, e.g. "backup:StartRestoreJob". */
    public Grant grant(IGrantable grantee, String... actions) {
        return vault.grant(grantee, actions);
    }

    /**
     * RTO: the restore job (an assumption the user sets, {@code expectedRestoreDuration}). RPO, for the
     * loss of this Region: the backup interval, the start window and the copy to the recovery Region;
     * unbounded when no copy leaves this Region. Continuous backup only shortens the RPO inside this
     * Region (5 minutes): copies of continuous backups are snapshots taken on the schedule.
     */
    @Override
    public RecoveryEstimate recoveryEstimate() {
        String path = getNode().getPath();
        RecoveryEstimate.Builder e = RecoveryEstimate.builder()
                .source(path)
                .strategy(DrStrategy.BACKUP_RESTORE)
                .rtoTerms(List.of(EstimateTerm.of("restore job", Durations.toJava(props.getExpectedRestoreDuration()),
                        "assumption: AWS publishes no restore time, it grows with the data (the AWS DR whitepaper puts "
                                + "backup and restore in hours); measure it with the restore testing plan",
                        "BackupVaultProps.expectedRestoreDuration")));
        if (plan == null) {
            return e.rpoUnboundedReason("BackupVault " + path + ": no backup plan, the vault only holds recovery points copied "
                    + "into it; the RPO is the source vault's").build();
        }
        String here = Stack.of(this).getRegion();
        // For the loss of this Region, the RPO is set by the most frequent rule whose copies leave it.
        BackupRule remoteRule = null;
        String remote = null;
        for (BackupRule r : props.getRules()) {
            String region = r.getCopyTo().stream().map(BackupCopy::getRegion)
                    .filter(g -> g != null && (Token.isUnresolved(here) || !g.equals(here)))
                    .findFirst().orElse(null);
            if (region != null && (remoteRule == null || interval(r).compareTo(interval(remoteRule)) < 0)) {
                remoteRule = r;
                remote = region;
            }
        }
        boolean continuous = props.anyContinuous();
        BackupSchedule basis = remoteRule != null ? BackupSchedule.forRpo(remoteRule.getFrequency()) : schedule;
        String prop = props.hasOwnRules() ? "BackupVaultProps.rules" : "BackupVaultProps.rpo";
        EstimateTerm interval = EstimateTerm.of("backup interval", basis.interval(),
                "schedule " + basis.expression() + " from " + (props.hasOwnRules() ? "the most frequent rule" : "rpo")
                        + (remoteRule != null && props.hasOwnRules() ? " that copies to " + remote : "")
                        + " " + Durations.human(remoteRule != null ? remoteRule.getFrequency() : props.getRpo())
                        + (continuous && remote != null ? "; copies of continuous backups are snapshots taken on this schedule" : ""),
                prop);
        EstimateTerm window = EstimateTerm.of("backup start window", Durations.toJava(props.getStartWindow()),
                "AWS Backup may start a scheduled job any time within the start window", "BackupVaultProps.startWindow");
        if (remote != null) {
            return e.rpoTerms(List.of(interval, window, EstimateTerm.of("copy to " + remote, Durations.toJava(props.getExpectedCopyDuration()),
                    "assumption: a copy starts when the backup job completes and AWS publishes no copy time; measure it "
                            + "from the copy jobs", "BackupVaultProps.expectedCopyDuration"))).build();
        }
        List<EstimateTerm> local = continuous
                ? List.of(EstimateTerm.of("point-in-time recovery", PITR_LAG,
                        "continuous backup restores to within the last 5 minutes (RDS latest restorable time)", "BackupVaultProps.continuousBackup"))
                : List.of(interval, window);
        return e.rpoTerms(local).rpoUnboundedReason("BackupVault " + path + ": recovery points stay in "
                + (Token.isUnresolved(here) ? "this Region" : here) + ", a Regional disaster loses them with the data; "
                + "set copyTo with a vault in the recovery Region").build();
    }

    private static java.time.Duration interval(BackupRule r) {
        return BackupSchedule.forRpo(r.getFrequency()).interval();
    }

    /** The rules of the plan, as given or made of the one-rule props. */
    public List<BackupRule> getRules() {
        return props.getRules();
    }

    /** The props the vault was built with. */
    public BackupVaultProps getProps() {
        return props;
    }
}

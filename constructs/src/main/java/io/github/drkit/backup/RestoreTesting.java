package io.github.drkit.backup;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An AWS Backup restore testing plan over the vault: on a schedule, AWS Backup restores a recent
 * recovery point of the selected resources, keeps it for the validation window, then deletes it.
 * Each run records how long the restore took: the figure to put in
 * {@link BackupVaultProps.Builder#expectedRestoreDuration}.
 */
public final class RestoreTesting {
    /** Resource types restore testing supports (CfnRestoreTestingSelection.ProtectedResourceType). */
    public static final Set<String> RESOURCE_TYPES =
            Set.of("Aurora", "DocumentDB", "DynamoDB", "EBS", "EC2", "EFS", "FSx", "Neptune", "RDS", "S3");

    /** The validation window given to AWS Backup when validation is on and no window is set. */
    public static final int VALIDATION_WINDOW_HOURS = 1;

    private final String protectedResourceType;
    private final String scheduleExpression;
    private final int selectionWindowDays;
    private final int startWindowHours;
    private final Integer validationWindowHours;
    private final Map<String, String> restoreMetadataOverrides;
    private final boolean validation;

    private RestoreTesting(Builder b) {
        this.protectedResourceType = Objects.requireNonNull(b.protectedResourceType, "RestoreTesting: protectedResourceType is required");
        this.scheduleExpression = b.scheduleExpression != null ? b.scheduleExpression : "cron(0 1 ? * SUN *)";
        this.selectionWindowDays = b.selectionWindowDays != null ? b.selectionWindowDays : 7;
        this.startWindowHours = b.startWindowHours != null ? b.startWindowHours : 1;
        this.validationWindowHours = b.validationWindowHours;
        this.restoreMetadataOverrides = b.restoreMetadataOverrides != null ? Map.copyOf(b.restoreMetadataOverrides) : Map.of();
        this.validation = b.validation;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getProtectedResourceType() { return protectedResourceType; }
    public String getScheduleExpression() { return scheduleExpression; }
    public int getSelectionWindowDays() { return selectionWindowDays; }
    public int getStartWindowHours() { return startWindowHours; }
    public Integer getValidationWindowHours() { return validationWindowHours; }
    public Map<String, String> getRestoreMetadataOverrides() { return restoreMetadataOverrides; }
    public boolean getValidation() { return validation; }

    public static final class Builder {
        private String protectedResourceType;
        private String scheduleExpression;
        private Integer selectionWindowDays;
        private Integer startWindowHours;
        private Integer validationWindowHours;
        private Map<String, String> restoreMetadataOverrides;
        private boolean validation;

        private Builder() {
        }

        /** The resource type restored: one of {@link #RESOURCE_TYPES}, e.g. "EBS". Required. */
        public Builder protectedResourceType(String protectedResourceType) {
            this.protectedResourceType = protectedResourceType;
            return this;
        }

        /** When the test runs. @default weekly, Sunday 01:00 UTC: cron(0 1 ? * SUN *) */
        public Builder scheduleExpression(String scheduleExpression) {
            this.scheduleExpression = scheduleExpression;
            return this;
        }

        /** The latest recovery point within this many days is restored (1-365). @default 7 */
        public Builder selectionWindowDays(int selectionWindowDays) {
            this.selectionWindowDays = selectionWindowDays;
            return this;
        }

        /** The restore starts within this many hours of the schedule (1-168). @default 1 */
        public Builder startWindowHours(int startWindowHours) {
            this.startWindowHours = startWindowHours;
            return this;
        }

        /**
         * Hours the restored resource is kept for validation before deletion (0-168; at least 1 with {@link #validation}).
         * @default AWS Backup's default; {@link #VALIDATION_WINDOW_HOURS} with {@link #validation}
         */
        public Builder validationWindowHours(int validationWindowHours) {
            this.validationWindowHours = validationWindowHours;
            return this;
        }

        /** Restore metadata overrides, e.g. {@code availabilityZone} for EBS. @default none */
        public Builder restoreMetadataOverrides(Map<String, String> restoreMetadataOverrides) {
            this.restoreMetadataOverrides = restoreMetadataOverrides;
            return this;
        }

        /**
         * Validates each restore: a function checks the restored resource when its restore job completes (RDS and Aurora
         * {@code available}, EBS volume {@code available}, EC2 instance {@code running}, DynamoDB table {@code ACTIVE} with
         * its item count, S3 bucket listing) and reports SUCCESSFUL, FAILED or TIMED_OUT to the restore job ({@link RestoreValidationFunction}).
         * Available for the types in {@link RestoreValidationFunction#VALIDATED_TYPES}.
         *
         * @default false: restore jobs get no validation result and AWS Backup deletes the resource when the validation
         *          window closes
         */
        public Builder validation(boolean validation) {
            this.validation = validation;
            return this;
        }

        public RestoreTesting build() {
            return new RestoreTesting(this);
        }
    }
}

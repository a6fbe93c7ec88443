package io.github.drkit.backup;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.IBucket;

import java.util.List;
import java.util.Objects;

/** Props of {@link BackupAuditFramework}. */
public final class BackupAuditFrameworkProps {
    /** The report templates AWS Backup Audit Manager offers (ReportSetting.ReportTemplate). */
    public static final List<String> REPORT_TEMPLATES = List.of("RESOURCE_COMPLIANCE_REPORT", "CONTROL_COMPLIANCE_REPORT",
            "BACKUP_JOB_REPORT", "COPY_JOB_REPORT", "RESTORE_JOB_REPORT");
    /** The report file formats (ReportDeliveryChannel.Formats). */
    public static final List<String> REPORT_FORMATS = List.of("CSV", "JSON");

    private final BackupVault vault;
    private final String frameworkName;
    private final IBucket reportBucket;
    private final String reportKeyPrefix;
    private final List<String> reportTemplates;
    private final List<String> reportFormats;
    private final RemovalPolicy removalPolicy;

    private BackupAuditFrameworkProps(Builder b) {
        this.vault = Objects.requireNonNull(b.vault, "BackupAuditFramework: vault is required");
        this.frameworkName = b.frameworkName;
        this.reportBucket = b.reportBucket;
        this.reportKeyPrefix = b.reportKeyPrefix != null ? b.reportKeyPrefix : "backup-audit";
        this.reportTemplates = b.reportTemplates != null ? List.copyOf(b.reportTemplates)
                : List.of("CONTROL_COMPLIANCE_REPORT", "RESOURCE_COMPLIANCE_REPORT", "BACKUP_JOB_REPORT", "COPY_JOB_REPORT");
        this.reportFormats = b.reportFormats != null ? List.copyOf(b.reportFormats) : List.of("CSV", "JSON");
        this.removalPolicy = b.removalPolicy != null ? b.removalPolicy : RemovalPolicy.RETAIN;
    }

    public static Builder builder() {
        return new Builder();
    }

    public BackupVault getVault() {
        return vault;
    }

    public String getFrameworkName() {
        return frameworkName;
    }

    public IBucket getReportBucket() {
        return reportBucket;
    }

    public String getReportKeyPrefix() {
        return reportKeyPrefix;
    }

    public List<String> getReportTemplates() {
        return reportTemplates;
    }

    public List<String> getReportFormats() {
        return reportFormats;
    }

    public RemovalPolicy getRemovalPolicy() {
        return removalPolicy;
    }

    public static final class Builder {
        private BackupVault vault;
        private String frameworkName;
        private IBucket reportBucket;
        private String reportKeyPrefix;
        private List<String> reportTemplates;
        private List<String> reportFormats;
        private RemovalPolicy removalPolicy;

        private Builder() {
        }

        /** The vault (with its plan) whose declarations become the framework's controls. Required. */
        public Builder vault(BackupVault vault) {
            this.vault = vault;
            return this;
        }

        /** The framework's name (a letter, then up to 255 letters, digits or '_'). @default a name generated from the construct's path */
        public Builder frameworkName(String frameworkName) {
            this.frameworkName = frameworkName;
            return this;
        }

        /**
         * Where the report plans deliver. Its policy gets a statement that lets AWS Backup's reports
         * role (AWSServiceRoleForBackupReports) write; a bucket encrypted with a KMS key must also let
         * that role use the key.
         * @default a new bucket: SSE-S3, TLS only, public access blocked, versioned, with server access logs
         */
        public Builder reportBucket(IBucket reportBucket) {
            this.reportBucket = reportBucket;
            return this;
        }

        /** The key prefix of the reports in the bucket. @default "backup-audit" */
        public Builder reportKeyPrefix(String reportKeyPrefix) {
            this.reportKeyPrefix = reportKeyPrefix;
            return this;
        }

        /**
         * One report plan per template, from {@link #REPORT_TEMPLATES}; the compliance reports cover this framework.
         * @default CONTROL_COMPLIANCE_REPORT, RESOURCE_COMPLIANCE_REPORT, BACKUP_JOB_REPORT, COPY_JOB_REPORT
         */
        public Builder reportTemplates(List<String> reportTemplates) {
            this.reportTemplates = reportTemplates;
            return this;
        }

        /** The report formats, from {@link #REPORT_FORMATS}. @default CSV and JSON */
        public Builder reportFormats(List<String> reportFormats) {
            this.reportFormats = reportFormats;
            return this;
        }

        /** Of the report bucket this construct creates. @default RemovalPolicy.RETAIN */
        public Builder removalPolicy(RemovalPolicy removalPolicy) {
            this.removalPolicy = removalPolicy;
            return this;
        }

        public BackupAuditFrameworkProps build() {
            return new BackupAuditFrameworkProps(this);
        }
    }
}

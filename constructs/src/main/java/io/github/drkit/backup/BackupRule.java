package io.github.drkit.backup;

import software.amazon.awscdk.Duration;

import java.util.List;

/**
 * One rule of a {@link BackupVault}'s plan: how often recovery points are taken, how long they are
 * kept, whether they move to cold storage and where they are copied. A plan with several rules keeps
 * recovery points at several granularities, e.g. hourly for 2 days, daily for 35 days and monthly for
 * 7 years; the vault's RPO is the interval of its most frequent rule.
 *
 * <pre>{@code
 * List.of(BackupRule.hourly(Duration.days(2)).build(),
 *         BackupRule.daily(Duration.days(35)).copyTo(List.of(toRecoveryRegion)).build(),
 *         BackupRule.monthly(Duration.days(7 * 365)).moveToColdStorageAfter(Duration.days(90)).build())
 * }</pre>
 */
public final class BackupRule {
    private final String ruleName;
    private final Duration frequency;
    private final Duration retention;
    private final Duration moveToColdStorageAfter;
    private final boolean continuousBackup;
    private final List<BackupCopy> copyTo;

    private BackupRule(Builder b) {
        this.ruleName = b.ruleName;
        this.frequency = b.frequency != null ? b.frequency : Duration.hours(24);
        this.retention = b.retention != null ? b.retention : Duration.days(35);
        this.moveToColdStorageAfter = b.moveToColdStorageAfter;
        this.continuousBackup = b.continuousBackup != null && b.continuousBackup;
        this.copyTo = b.copyTo != null ? List.copyOf(b.copyTo) : List.of();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A rule named "Hourly" that backs up every hour and keeps recovery points for {@code retention}. */
    public static Builder hourly(Duration retention) {
        return builder().ruleName("Hourly").frequency(Duration.hours(1)).retention(retention);
    }

    /** A rule named "Daily" that backs up once a day (05:00 UTC). */
    public static Builder daily(Duration retention) {
        return builder().ruleName("Daily").frequency(Duration.hours(24)).retention(retention);
    }

    /** A rule named "Weekly" that backs up on Sundays (05:00 UTC). */
    public static Builder weekly(Duration retention) {
        return builder().ruleName("Weekly").frequency(Duration.days(7)).retention(retention);
    }

    /** A rule named "Monthly" that backs up on the first of the month (05:00 UTC): at most 31 days apart. */
    public static Builder monthly(Duration retention) {
        return builder().ruleName("Monthly").frequency(Duration.days(BackupSchedule.MONTH_DAYS)).retention(retention);
    }

    /** The rule's name in the plan, or null for one derived from its position. */
    public String getRuleName() {
        return ruleName;
    }

    public Duration getFrequency() {
        return frequency;
    }

    public Duration getRetention() {
        return retention;
    }

    /** When recovery points move to cold storage, or null for never. */
    public Duration getMoveToColdStorageAfter() {
        return moveToColdStorageAfter;
    }

    public boolean getContinuousBackup() {
        return continuousBackup;
    }

    public List<BackupCopy> getCopyTo() {
        return copyTo;
    }

    public static final class Builder {
        private String ruleName;
        private Duration frequency;
        private Duration retention;
        private Duration moveToColdStorageAfter;
        private Boolean continuousBackup;
        private List<BackupCopy> copyTo;

        private Builder() {
        }

        /** The rule's name (1-50 of a-z, A-Z, 0-9, '-', '_' and '.'), unique in the plan. @default "Rule" + its position */
        public Builder ruleName(String ruleName) {
            this.ruleName = ruleName;
            return this;
        }

        /**
         * How often the rule takes a recovery point, at most: hourly at the most frequent (AWS Backup's
         * minimum), then hours that divide 24, daily, weekly, or monthly from 31 days.
         * @default 24 hours
         */
        public Builder frequency(Duration frequency) {
            this.frequency = frequency;
            return this;
        }

        /** How long the rule's recovery points are kept (delete after). @default 35 days */
        public Builder retention(Duration retention) {
            this.retention = retention;
            return this;
        }

        /** When recovery points move to cold storage; retention must then be at least 90 days longer. @default never */
        public Builder moveToColdStorageAfter(Duration moveToColdStorageAfter) {
            this.moveToColdStorageAfter = moveToColdStorageAfter;
            return this;
        }

        /** Continuous backup (point-in-time recovery); retention 1-35 days, no cold storage. @default false */
        public Builder continuousBackup(boolean continuousBackup) {
            this.continuousBackup = continuousBackup;
            return this;
        }

        /** Copy actions of this rule's recovery points. @default none */
        public Builder copyTo(List<BackupCopy> copyTo) {
            this.copyTo = copyTo;
            return this;
        }

        public BackupRule build() {
            return new BackupRule(this);
        }
    }
}

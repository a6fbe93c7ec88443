package io.github.drkit.backup;

import io.github.drkit.internal.protection.Durations;
import software.amazon.awscdk.Duration;

/**
 * The backup schedule an RPO asks for: a cron expression that takes a recovery point at least as
 * often as the RPO, at even intervals (hours that divide 24, so that no gap at midnight is longer),
 * and the interval it guarantees. AWS Backup schedules at most hourly. A monthly schedule (the first
 * of the month) guarantees 31 days, so only an RPO of 31 days or more gets one.
 */
record BackupSchedule(String expression, java.time.Duration interval) {
    /** The longest calendar month: the gap a monthly schedule guarantees. */
    static final int MONTH_DAYS = 31;
    private static final int[] DIVISORS_OF_24 = {12, 8, 6, 4, 3, 2, 1};

    static BackupSchedule forRpo(Duration rpo) {
        double hours = Durations.known(rpo) ? Durations.hours(rpo) : 24;
        if (hours >= 24 * MONTH_DAYS) {
            return new BackupSchedule("cron(0 5 1 * ? *)", java.time.Duration.ofDays(MONTH_DAYS));
        }
        if (hours >= 24 * 7) {
            return new BackupSchedule("cron(0 5 ? * SUN *)", java.time.Duration.ofDays(7));
        }
        if (hours >= 24) {
            return new BackupSchedule("cron(0 5 * * ? *)", java.time.Duration.ofHours(24));
        }
        for (int h : DIVISORS_OF_24) {
            if (hours >= h) {
                return new BackupSchedule(h == 1 ? "cron(0 * * * ? *)" : "cron(0 0/" + h + " * * ? *)", java.time.Duration.ofHours(h));
            }
        }
        // Under an hour: only continuous backup reaches it; the snapshots still run hourly.
        return new BackupSchedule("cron(0 * * * ? *)", java.time.Duration.ofHours(1));
    }
}

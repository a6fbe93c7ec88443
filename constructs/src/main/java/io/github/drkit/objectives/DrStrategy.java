package io.github.drkit.objectives;

/** The four disaster-recovery strategies, from slowest and cheapest to fastest and dearest. */
public enum DrStrategy {
    /** Backups restored into new resources: RTO in hours. */
    BACKUP_RESTORE,
    /** Data replicated and running, compute stopped until recovery: RTO in tens of minutes. */
    PILOT_LIGHT,
    /** A minimal fleet always running, scaled out and up on recovery: RTO in minutes. */
    WARM_STANDBY,
    /** Every site live behind weighted DNS: RTO near zero. */
    MULTI_SITE
}

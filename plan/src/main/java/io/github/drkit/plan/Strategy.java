package io.github.drkit.plan;

/** The DR strategy a plan was written for; the runtime reports it, the steps follow from the plan's content. */
public enum Strategy {
    BACKUP_RESTORE,
    PILOT_LIGHT,
    WARM_STANDBY,
    MULTI_SITE
}

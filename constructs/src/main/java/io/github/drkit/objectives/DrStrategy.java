package io.github.drkit.objectives;

/** The four disaster-recovery strategies, from slowest and cheapest to fastest and dearest. */
public enum DrStrategy {
    /** Backups restored into new resources: RTO in hours. */
    BACKUP_RESTORE("hours"),
    /** Data replicated and running, compute stopped until recovery: RTO in tens of minutes. */
    PILOT_LIGHT("tens of minutes"),
    /** A minimal fleet always running, scaled out and up on recovery: RTO in minutes. */
    WARM_STANDBY("minutes"),
    /** Every site live behind weighted DNS: RTO near zero. */
    MULTI_SITE("near zero");

    private final String typicalRto;

    DrStrategy(String typicalRto) {
        this.typicalRto = typicalRto;
    }

    /** The RTO range the AWS disaster-recovery whitepaper gives this strategy, e.g. "tens of minutes". */
    public String typicalRto() {
        return typicalRto;
    }

    /** The next faster strategy, or null for {@link #MULTI_SITE}. */
    public DrStrategy faster() {
        DrStrategy[] all = values();
        return ordinal() + 1 < all.length ? all[ordinal() + 1] : null;
    }
}

package io.github.drkit.archive;

import io.github.drkit.internal.protection.Durations;
import software.amazon.awscdk.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The transitions a {@link GlacierLifecycleProps} asks for, checked against the S3 lifecycle rules
 * before anything is built. Hard rules (the S3 API rejects them, or the lifecycle contradicts itself)
 * throw; minimum storage durations (S3 accepts them and charges the full minimum) go to
 * {@code earlyDeletion}, which throws unless the user accepted the fees.
 */
final class LifecyclePlan {
    /** One transition: the prop that set it, the tier it enters and when (days from creation). */
    record Step(String prop, StorageTier tier, Duration after) {
        boolean known() {
            return Durations.known(after);
        }

        double days() {
            return Durations.days(after);
        }
    }

    private static final String ORDER = "tiers go Standard-IA, Glacier Instant Retrieval, the archive tier, Deep Archive";

    private final List<Step> steps;

    private LifecyclePlan(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    List<Step> steps() {
        return steps;
    }

    /** The coldest tier objects reach before they expire, or null when they stay in S3 Standard. */
    StorageTier coldestTier() {
        return steps.isEmpty() ? null : steps.get(steps.size() - 1).tier();
    }

    static LifecyclePlan check(GlacierLifecycleProps p, Consumer<String> earlyDeletion) {
        if (p.getArchiveTier() != StorageTier.GLACIER_FLEXIBLE_RETRIEVAL && p.getArchiveTier() != StorageTier.DEEP_ARCHIVE) {
            throw error("archiveTier must be GLACIER_FLEXIBLE_RETRIEVAL or DEEP_ARCHIVE (got " + p.getArchiveTier()
                    + "): the real-time tiers are set with infrequentAccessAfter and instantRetrievalAfter");
        }
        wholeDays("realTimeAccess", p.getRealTimeAccess(), 0);
        wholeDays("infrequentAccessAfter", p.getInfrequentAccessAfter(), 0);
        wholeDays("instantRetrievalAfter", p.getInstantRetrievalAfter(), 0);
        wholeDays("deepArchiveAfter", p.getDeepArchiveAfter(), 0);
        wholeDays("retainFor", p.getRetainFor(), 1);
        wholeDays("evacuateAfter", p.getEvacuateAfter(), 1);
        wholeDays("noncurrentVersionExpiration", p.getNoncurrentVersionExpiration(), 1);

        if (Durations.known(p.getInfrequentAccessAfter()) && Durations.days(p.getInfrequentAccessAfter()) < 30) {
            throw error("infrequentAccessAfter must be at least 30 days (got " + human(p.getInfrequentAccessAfter())
                    + "): S3 keeps objects in Standard at least 30 days before Standard-IA");
        }
        if (p.getDeepArchiveAfter() != null && p.getArchiveTier() != StorageTier.GLACIER_FLEXIBLE_RETRIEVAL) {
            throw error("deepArchiveAfter applies only when archiveTier is GLACIER_FLEXIBLE_RETRIEVAL (got archiveTier "
                    + p.getArchiveTier() + ")");
        }
        Duration evacuate = p.getEvacuateAfter();
        if (Durations.known(evacuate) && Durations.known(p.getRetainFor()) && Durations.days(evacuate) < Durations.days(p.getRetainFor())) {
            throw error("evacuateAfter (" + human(evacuate) + ") must not be shorter than retainFor (" + human(p.getRetainFor())
                    + "): objects would be expired before their retention ends");
        }

        List<Step> steps = new ArrayList<>();
        if (p.getInfrequentAccessAfter() != null) {
            steps.add(new Step("infrequentAccessAfter", StorageTier.STANDARD_IA, p.getInfrequentAccessAfter()));
        }
        if (p.getInstantRetrievalAfter() != null) {
            steps.add(new Step("instantRetrievalAfter", StorageTier.GLACIER_INSTANT_RETRIEVAL, p.getInstantRetrievalAfter()));
        }
        // Objects that expire while still in real-time access are never archived.
        boolean archived = !(Durations.known(evacuate) && Durations.known(p.getRealTimeAccess())
                && Durations.days(p.getRealTimeAccess()) >= Durations.days(evacuate));
        if (archived) {
            steps.add(new Step("realTimeAccess", p.getArchiveTier(), p.getRealTimeAccess()));
        }
        if (p.getDeepArchiveAfter() != null) {
            steps.add(new Step("deepArchiveAfter", StorageTier.DEEP_ARCHIVE, p.getDeepArchiveAfter()));
        }

        for (int i = 0; i + 1 < steps.size(); i++) {
            Step cur = steps.get(i);
            Step next = steps.get(i + 1);
            if (!cur.known() || !next.known()) {
                continue;
            }
            double gap = next.days() - cur.days();
            if (gap <= 0) {
                throw error(next.prop() + " (" + human(next.after()) + ") must be later than " + cur.prop() + " ("
                        + human(cur.after()) + "): " + ORDER);
            }
            if (cur.tier() == StorageTier.STANDARD_IA && gap < 30) {
                throw error(next.prop() + " (" + human(next.after()) + ") must be at least 30 days after " + cur.prop() + " ("
                        + human(cur.after()) + "): S3 keeps objects in Standard-IA at least 30 days before the next transition");
            }
            if (gap < cur.tier().minimumStorageDays()) {
                earlyDeletion.accept(early(next.prop() + " (" + human(next.after()) + ")", "moves objects out of", cur, gap));
            }
        }
        if (!steps.isEmpty() && Durations.known(evacuate)) {
            Step last = steps.get(steps.size() - 1);
            if (last.known()) {
                double gap = Durations.days(evacuate) - last.days();
                if (gap <= 0) {
                    throw error("evacuateAfter (" + human(evacuate) + ") must be later than the last transition (" + last.prop()
                            + ", " + human(last.after()) + ")");
                }
                if (gap < last.tier().minimumStorageDays()) {
                    earlyDeletion.accept(early("evacuateAfter (" + human(evacuate) + ")", "expires objects in", last, gap));
                }
            }
        }
        return new LifecyclePlan(steps);
    }

    private static String early(String what, String verb, Step cur, double gap) {
        int min = cur.tier().minimumStorageDays();
        return "GlacierLifecycle: " + what + " " + verb + " " + cur.tier() + " " + fmt(gap) + " days after " + cur.prop()
                + " (" + human(cur.after()) + "), before its " + min + "-day minimum storage duration (S3 charges the full "
                + min + " days); make it at least " + fmt(cur.days() + min) + " days or set allowEarlyDeletionFees(true)";
    }

    private static void wholeDays(String prop, Duration d, int min) {
        if (!Durations.known(d)) {
            return;
        }
        double days = Durations.days(d);
        if (days != Math.rint(days)) {
            throw error(prop + " must be a whole number of days (got " + human(d) + "): S3 lifecycle rules count in days");
        }
        if (days < min) {
            throw error(prop + " must be at least " + min + " day" + (min == 1 ? "" : "s") + " (got " + human(d) + ")");
        }
    }

    static IllegalArgumentException error(String message) {
        return new IllegalArgumentException("GlacierLifecycle: " + message);
    }

    static String human(Duration d) {
        return Durations.human(d);
    }

    private static String fmt(double days) {
        return days == Math.rint(days) ? Long.toString((long) days) : Double.toString(days);
    }
}

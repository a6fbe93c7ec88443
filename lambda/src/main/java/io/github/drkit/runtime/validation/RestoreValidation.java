package io.github.drkit.runtime.validation;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.aws.CallLog;
import io.github.drkit.runtime.aws.Deadline;
import io.github.drkit.runtime.aws.api.RestoreValidationStatus;

/**
 * Validates the resource a restore testing job made and reports the result to AWS Backup
 * ({@code PutRestoreValidationResult}).
 *
 * <p>The resource is read with its kind's describe call. A resource the service is still setting up (creating,
 * backing-up, pending) is read again every poll interval until it is ready, unusable or the deadline comes; the job is
 * marked VALIDATING while that lasts. The final status is SUCCESSFUL only when the read says the resource is usable;
 * a missing or unusable resource, or a kind with no check, is FAILED with a message that says so, and a resource still
 * settling at the deadline is TIMED_OUT. A service error on a read (throttling past the retries, a denied call) is
 * thrown without a report, so that the invocation fails and is retried rather than marking the restore as bad.
 */
public final class RestoreValidation {
    /** The margin kept before the deadline for the final report. */
    static final Duration REPORT_MARGIN = Duration.ofSeconds(5);

    private final AwsClients aws;
    private final Duration pollInterval;

    /** @param pollInterval time between two reads of a resource that is still settling */
    public RestoreValidation(AwsClients aws, Duration pollInterval) {
        this.aws = Objects.requireNonNull(aws, "aws");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
    }

    /** Checks the restored resource of {@code event} within {@code deadline} and reports the result. */
    public ValidationResult validate(RestoreJobEvent event, Deadline deadline) {
        String region = event.region() != null ? event.region() : aws.defaultRegion().id();
        Optional<RestoredResource> resource = RestoredResource.of(event.createdResourceArn(), region);
        if (resource.isEmpty()) {
            String message = "drkit cannot validate resource type " + event.resourceType() + " (" + event.createdResourceArn()
                    + "): it checks " + ResourceChecks.supported() + "; nothing was checked";
            return report(deadline, region, event, RestoreValidationStatus.FAILED, message, 0, Duration.ZERO);
        }
        RestoredResource r = resource.get();
        String what = r.describe() + " (" + ResourceChecks.operation(r.kind()) + ")";
        long started = System.nanoTime();
        int looks = 0;
        boolean markedValidating = false;
        // Reads bound to the deadline's call log: an attempt is cut when the deadline (less the report's margin) comes.
        Deadline reads = Deadline.after(deadline.remaining().minus(REPORT_MARGIN));
        while (true) {
            Observation seen = new CallLog(reads).bind(() -> ResourceChecks.look(aws, r));
            looks++;
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            switch (seen.state()) {
                case READY:
                    return report(deadline, region, event, RestoreValidationStatus.SUCCESSFUL, "checked " + what + ": " + seen.found(),
                            looks, waited);
                case MISSING:
                    return report(deadline, region, event, RestoreValidationStatus.FAILED, "checked " + what + ": " + seen.found(), looks, waited);
                case UNUSABLE:
                    return report(deadline, region, event, RestoreValidationStatus.FAILED, "checked " + what + ": " + seen.found()
                            + ", which a restore should not leave it in", looks, waited);
                case SETTLING:
                default:
                    break;
            }
            if (reads.remaining().compareTo(pollInterval) < 0) {
                return report(deadline, region, event, RestoreValidationStatus.TIMED_OUT, "waited " + waited.toSeconds() + " s for " + what
                        + " to be usable, the time the validation function had; last seen: " + seen.found(), looks, waited);
            }
            if (!markedValidating) {
                report(reads, region, event, RestoreValidationStatus.VALIDATING, "waiting for " + what + " to be usable; now: " + seen.found(),
                        looks, waited);
                markedValidating = true;
            }
            sleep(pollInterval);
        }
    }

    /** Reports within {@code deadline}: its attempts and retries are cut when it comes, like every read. */
    private ValidationResult report(Deadline deadline, String region, RestoreJobEvent event, RestoreValidationStatus status, String message,
                                    int looks, Duration waited) {
        new CallLog(deadline).bind(() -> {
            aws.backup().putRestoreValidationResult(region, event.restoreJobId(), status, message);
            return null;
        });
        return new ValidationResult(event.restoreJobId(), event.createdResourceArn(), status, message, looks, waited);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the restored resource", e);
        }
    }
}

package io.github.drkit.runtime.validation;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.drkit.runtime.aws.api.RestoreValidationStatus;

/**
 * What the validator reported to AWS Backup for one restore job.
 *
 * @param status  the validation status sent
 * @param message the validation status message sent: what was checked and what was found
 * @param looks   how many times the resource was read
 * @param waited  how long the validator waited for the resource to settle
 */
public record ValidationResult(String restoreJobId, String createdResourceArn, RestoreValidationStatus status, String message,
                               int looks, Duration waited) {

    /** The result as the handler returns it. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("restoreJobId", restoreJobId);
        out.put("createdResourceArn", createdResourceArn);
        out.put("validationStatus", status.name());
        out.put("message", message);
        out.put("looks", looks);
        out.put("waitedSeconds", waited.toSeconds());
        return out;
    }
}

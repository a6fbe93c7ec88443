package io.github.drkit.runtime.aws.api;

import java.util.regex.Pattern;

import io.github.drkit.runtime.aws.RestJsonProtocol;

/** The AWS Backup operations of the runtime: the validation result of a restore testing job. */
public final class BackupApi {
    /** Restore job ids are UUIDs; anything else is refused before it becomes part of a request path. */
    private static final Pattern RESTORE_JOB_ID = Pattern.compile("[A-Za-z0-9-]{1,128}");

    private final RestJsonProtocol json;

    public BackupApi(RestJsonProtocol json) {
        this.json = json;
    }

    /**
     * Reports the validation of a restore testing job; AWS Backup shows it on the job and deletes the restored resource
     * once validation is final or the validation window closes. An unknown job fails with {@code ResourceNotFoundException}.
     *
     * @param message what was checked and what was found; null for none
     * @throws IllegalArgumentException for a job id that is not letters, digits and '-', before any call
     */
    public void putRestoreValidationResult(String region, String restoreJobId, RestoreValidationStatus status, String message) {
        if (restoreJobId == null || !RESTORE_JOB_ID.matcher(restoreJobId).matches()) {
            throw new IllegalArgumentException("restoreJobId must be 1 to 128 letters, digits or '-' (got '" + restoreJobId + "')");
        }
        var input = RestJsonProtocol.object().put("ValidationStatus", status.name());
        if (message != null) {
            input.put("ValidationStatusMessage", message);
        }
        json.put(region, "PutRestoreValidationResult", "/restore-jobs/" + restoreJobId + "/validations", input);
    }
}

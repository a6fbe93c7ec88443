package io.github.drkit.backup;

import java.util.Map;
import java.util.Objects;

/**
 * One AWS Backup Audit Manager control of a {@link BackupAuditFramework}: its name, its input
 * parameters and the declaration of the vault it comes from.
 */
public final class AuditControl {
    private final String controlName;
    private final Map<String, String> parameters;
    private final String basis;

    AuditControl(String controlName, Map<String, String> parameters, String basis) {
        this.controlName = Objects.requireNonNull(controlName);
        this.parameters = Map.copyOf(parameters);
        this.basis = basis;
    }

    /** The control's name, e.g. BACKUP_RESOURCES_PROTECTED_BY_CROSS_REGION. */
    public String getControlName() {
        return controlName;
    }

    /** Its input parameters (ControlInputParameters), e.g. crossRegionList = us-west-2. */
    public Map<String, String> getParameters() {
        return parameters;
    }

    /** What the vault declares that the control checks, e.g. "copyTo us-west-2". */
    public String getBasis() {
        return basis;
    }

    @Override
    public String toString() {
        return controlName + (parameters.isEmpty() ? "" : " " + new java.util.TreeMap<>(parameters));
    }
}

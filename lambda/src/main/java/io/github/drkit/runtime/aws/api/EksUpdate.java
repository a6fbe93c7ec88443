package io.github.drkit.runtime.aws.api;

import java.util.List;

/**
 * An EKS update as UpdateNodegroupConfig and DescribeUpdate report it.
 *
 * @param status {@code InProgress}, {@code Successful}, {@code Failed} or {@code Cancelled}
 * @param errors the update's error messages, when it failed
 */
public record EksUpdate(String id, String status, List<String> errors) {
    public EksUpdate {
        errors = List.copyOf(errors);
    }

    public boolean isSuccessful() {
        return "Successful".equals(status);
    }

    public boolean hasFailed() {
        return "Failed".equals(status) || "Cancelled".equals(status);
    }
}

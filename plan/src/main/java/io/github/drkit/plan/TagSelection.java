package io.github.drkit.plan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tags that select a restore's recovery points (copied AMIs, copied EBS snapshots): every one must match. Copies
 * made by Data Lifecycle Manager ({@code copyTags}) or AWS Backup keep their source's tags, so tags select them in the
 * recovery Region where the source's ids mean nothing.
 */
final class TagSelection {
    /** EC2's Describe calls take at most 50 filter values in all; 10 tags is more than any selection needs. */
    static final int MAX_TAGS = 10;

    private TagSelection() {
    }

    /** The required tag object {@code name} of {@code step}: 1 to 10 tags, keys of 1-128 and values of at most 256 characters. */
    static Map<String, String> read(Fields step, String name, String what) {
        Map<String, String> tags = new LinkedHashMap<>();
        Fields tagFields = step.requiredObject(name);
        for (String key : tagFields.names()) {
            if (key.isEmpty() || key.length() > 128) {
                throw new PlanValidationException(tagFields.child(key), "must be a tag key of 1-128 characters (got " + key.length() + ")");
            }
            String value = tagFields.requiredString(key);
            if (value.length() > 256) {
                throw new PlanValidationException(tagFields.child(key), "must be a tag value of at most 256 characters (got " + value.length() + ")");
            }
            tags.put(key, value);
        }
        if (tags.isEmpty() || tags.size() > MAX_TAGS) {
            throw new PlanValidationException(step.child(name), "must have 1 to " + MAX_TAGS + " tags (got " + tags.size()
                    + "): the " + what + " are selected by tag");
        }
        return tags;
    }
}

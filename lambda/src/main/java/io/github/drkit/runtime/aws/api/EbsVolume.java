package io.github.drkit.runtime.aws.api;

import java.util.List;
import java.util.Map;

/**
 * An EBS volume as the runtime reads it.
 *
 * @param state       {@code creating}, {@code available}, {@code in-use}, {@code deleting}, {@code deleted}, {@code error}
 * @param snapshotId  the snapshot it was created from; null for none
 * @param attachments the instances it is attached to (one, unless it is a Multi-Attach volume)
 */
public record EbsVolume(String volumeId, String state, String availabilityZone, String snapshotId, Map<String, String> tags,
                        List<Attachment> attachments) {
    public EbsVolume {
        tags = Map.copyOf(tags);
        attachments = List.copyOf(attachments);
    }

    /** @param state {@code attaching}, {@code attached}, {@code detaching}, {@code detached} */
    public record Attachment(String instanceId, String device, String state) {
    }
}

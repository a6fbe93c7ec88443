package io.github.drkit.runtime.aws.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.github.drkit.runtime.aws.QueryProtocol;
import io.github.drkit.runtime.aws.QueryProtocol.Params;
import io.github.drkit.runtime.aws.Xml;

/** The EC2 operations that restore an EBS volume: copied snapshots, the volumes made from them, and their attachment. */
public final class Ec2VolumesApi {
    private static final int MAX_PAGES = 100;

    private final QueryProtocol query;

    public Ec2VolumesApi(QueryProtocol query) {
        this.query = query;
    }

    /**
     * The account's own snapshots in the Region that carry every one of {@code tags}, in any state; copies made by Data
     * Lifecycle Manager or AWS Backup keep their source's tags.
     */
    public List<EbsSnapshot> snapshotsTagged(String region, Map<String, String> tags) {
        List<EbsSnapshot> snapshots = new ArrayList<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Params params = tagFilters(Params.of().put("Owner.1", "self"), tags).put("NextToken", token);
            Xml answer = query.call(region, "DescribeSnapshots", params);
            for (Xml snapshot : answer.all("snapshotSet/item")) {
                String started = snapshot.text("startTime");
                snapshots.add(new EbsSnapshot(snapshot.text("snapshotId"), snapshot.text("status"),
                        started == null ? null : Instant.parse(started), snapshot.number("volumeSize")));
            }
            token = answer.text("nextToken");
            if (token == null || token.isEmpty()) {
                return snapshots;
            }
        }
        throw new IllegalStateException("DescribeSnapshots returned more than " + MAX_PAGES + " pages; stopped listing");
    }

    /**
     * The volumes in the Region whose tag {@code key} is {@code value}, in whatever state EC2 still lists them ({@code deleting}
     * included): no state filter is applied, the caller reads each volume's state.
     */
    public List<EbsVolume> volumesTagged(String region, String key, String value) {
        List<EbsVolume> volumes = new ArrayList<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Xml answer = query.call(region, "DescribeVolumes", tagFilters(Params.of(), Map.of(key, value)).put("NextToken", token));
            for (Xml volume : answer.all("volumeSet/item")) {
                volumes.add(volume(volume));
            }
            token = answer.text("nextToken");
            if (token == null || token.isEmpty()) {
                return volumes;
            }
        }
        throw new IllegalStateException("DescribeVolumes returned more than " + MAX_PAGES + " pages; stopped listing");
    }

    /** One volume by id; empty when it does not exist (any more). */
    public Optional<EbsVolume> volume(String region, String volumeId) {
        Xml answer = query.call(region, "DescribeVolumes", Params.of().put("Filter.1.Name", "volume-id").put("Filter.1.Value.1", volumeId));
        Xml item = answer.first("volumeSet/item");
        return item == null ? Optional.empty() : Optional.of(volume(item));
    }

    /**
     * Creates a volume from a snapshot, tagged as it is created (so that no run ever sees it untagged); returns its id.
     *
     * @param volumeType  null for EC2's default
     * @param clientToken makes a retry of the same creation return the same volume instead of a second one
     */
    public String createVolume(String region, String availabilityZone, String snapshotId, String volumeType, Map<String, String> tags,
                               String clientToken) {
        Params params = Params.of().put("AvailabilityZone", availabilityZone).put("SnapshotId", snapshotId).put("VolumeType", volumeType)
                .put("ClientToken", clientToken).put("TagSpecification.1.ResourceType", "volume");
        int i = 1;
        for (Map.Entry<String, String> tag : new TreeMap<>(tags).entrySet()) {
            params.put("TagSpecification.1.Tag." + i + ".Key", tag.getKey()).put("TagSpecification.1.Tag." + i + ".Value", tag.getValue());
            i++;
        }
        return query.call(region, "CreateVolume", params).text("volumeId");
    }

    /** Attaches a volume to an instance under a device name; returns the attachment's state ({@code attaching}). */
    public String attachVolume(String region, String volumeId, String instanceId, String device) {
        return query.call(region, "AttachVolume", Params.of().put("Device", device).put("InstanceId", instanceId).put("VolumeId", volumeId))
                .text("status");
    }

    /** The Availability Zone of an instance; empty when there is no such instance in the Region. */
    public Optional<String> instanceZone(String region, String instanceId) {
        Xml answer = query.call(region, "DescribeInstances", Params.of().put("Filter.1.Name", "instance-id").put("Filter.1.Value.1", instanceId));
        Xml instance = answer.first("reservationSet/item/instancesSet/item");
        return instance == null ? Optional.empty() : Optional.ofNullable(instance.text("placement/availabilityZone"));
    }

    private static Params tagFilters(Params params, Map<String, String> tags) {
        int i = 1;
        for (Map.Entry<String, String> tag : new TreeMap<>(tags).entrySet()) {
            params.put("Filter." + i + ".Name", "tag:" + tag.getKey()).put("Filter." + i + ".Value.1", tag.getValue());
            i++;
        }
        return params;
    }

    private static EbsVolume volume(Xml volume) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Xml tag : volume.all("tagSet/item")) {
            tags.put(tag.text("key"), tag.text("value"));
        }
        List<EbsVolume.Attachment> attachments = new ArrayList<>();
        for (Xml attachment : volume.all("attachmentSet/item")) {
            attachments.add(new EbsVolume.Attachment(attachment.text("instanceId"), attachment.text("device"), attachment.text("status")));
        }
        String snapshot = volume.text("snapshotId");
        return new EbsVolume(volume.text("volumeId"), volume.text("status"), volume.text("availabilityZone"),
                snapshot == null || snapshot.isEmpty() ? null : snapshot, tags, attachments);
    }
}

package io.github.drkit.runtime.aws.conformance;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.drkit.runtime.aws.api.EbsSnapshot;
import io.github.drkit.runtime.aws.api.EbsVolume;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.Volume;

/** The conformance cases of the EBS volume restore's operations (Ec2VolumesApi). */
final class VolumeCases {
    private static final String REGION = ConformanceCases.REGION;
    private static final String VOLUME = """
            <item><volumeId>vol-0aaaaaaaaaaaaaaa1</volumeId><size>8</size><snapshotId>snap-0aaaaaaaaaaaaaaa1</snapshotId>
              <availabilityZone>us-west-2a</availabilityZone><status>in-use</status><createTime>2026-12-04T10:00:00.000Z</createTime>
              <attachmentSet><item><volumeId>vol-0aaaaaaaaaaaaaaa1</volumeId><instanceId>i-0123456789abcdef0</instanceId>
                <device>/dev/sdf</device><status>attached</status><attachTime>2026-12-04T10:01:00.000Z</attachTime>
                <deleteOnTermination>false</deleteOnTermination></item></attachmentSet>
              <tagSet><item><key>drkit:restored-volume</key><value>data</value></item>
                <item><key>drkit:restored-from</key><value>snap-0aaaaaaaaaaaaaaa1</value></item></tagSet>
              <volumeType>gp3</volumeType><encrypted>false</encrypted></item>""";

    private VolumeCases() {
    }

    static List<ConformanceCase> all() {
        return List.of(
                new ConformanceCase("Ec2VolumesApi.snapshotsTagged", CannedAnswer.xml(200, """
                        <DescribeSnapshotsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                          <requestId>req-snapshots</requestId>
                          <snapshotSet>
                            <item><snapshotId>snap-0aaaaaaaaaaaaaaa1</snapshotId><volumeId>vol-ffffffff</volumeId><status>completed</status>
                              <startTime>2026-12-03T22:00:00.000Z</startTime><progress>100%</progress><ownerId>123456789012</ownerId>
                              <volumeSize>8</volumeSize><description>[Copied snap-0bbbbbbbbbbbbbbb1 from us-east-1]</description></item>
                            <item><snapshotId>snap-0aaaaaaaaaaaaaaa2</snapshotId><volumeId>vol-ffffffff</volumeId><status>pending</status>
                              <startTime>2026-12-04T02:00:00.000Z</startTime><progress>40%</progress><ownerId>123456789012</ownerId>
                              <volumeSize>8</volumeSize></item>
                          </snapshotSet>
                        </DescribeSnapshotsResponse>"""),
                        aws -> aws.ec2Volumes().snapshotsTagged(REGION, Map.of("drkit:volume", "data", "app", "shop")),
                        sdk -> sdk.ec2.describeSnapshots(r -> r.ownerIds("self").filters(
                                        f -> f.name("tag:app").values("shop"), f -> f.name("tag:drkit:volume").values("data")))
                                .snapshots().stream().map(s -> new EbsSnapshot(s.snapshotId(), s.stateAsString(), s.startTime(),
                                        s.volumeSize() == null ? null : s.volumeSize().longValue())).toList()),
                new ConformanceCase("Ec2VolumesApi.volumesTagged", CannedAnswer.xml(200, """
                        <DescribeVolumesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                          <requestId>req-volumes</requestId>
                          <volumeSet>%s</volumeSet>
                        </DescribeVolumesResponse>""".formatted(VOLUME)),
                        aws -> aws.ec2Volumes().volumesTagged(REGION, "drkit:restored-volume", "data"),
                        sdk -> sdk.ec2.describeVolumes(r -> r.filters(f -> f.name("tag:drkit:restored-volume").values("data")))
                                .volumes().stream().map(VolumeCases::volume).toList()),
                new ConformanceCase("Ec2VolumesApi.volume", CannedAnswer.xml(200, """
                        <DescribeVolumesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                          <requestId>req-volume</requestId>
                          <volumeSet>%s</volumeSet>
                        </DescribeVolumesResponse>""".formatted(VOLUME)),
                        aws -> aws.ec2Volumes().volume(REGION, "vol-0aaaaaaaaaaaaaaa1"),
                        sdk -> sdk.ec2.describeVolumes(r -> r.filters(f -> f.name("volume-id").values("vol-0aaaaaaaaaaaaaaa1")))
                                .volumes().stream().findFirst().map(VolumeCases::volume)),
                new ConformanceCase("Ec2VolumesApi.createVolume", CannedAnswer.xml(200, """
                        <CreateVolumeResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                          <requestId>req-create-volume</requestId>
                          <volumeId>vol-0aaaaaaaaaaaaaaa1</volumeId><size>8</size><snapshotId>snap-0aaaaaaaaaaaaaaa1</snapshotId>
                          <availabilityZone>us-west-2a</availabilityZone><status>creating</status>
                          <createTime>2026-12-04T10:00:00.000Z</createTime><volumeType>gp3</volumeType><encrypted>false</encrypted>
                          <tagSet><item><key>drkit:restored-volume</key><value>data</value></item></tagSet>
                        </CreateVolumeResponse>"""),
                        aws -> aws.ec2Volumes().createVolume(REGION, "us-west-2a", "snap-0aaaaaaaaaaaaaaa1", "gp3",
                                Map.of("drkit:restored-volume", "data", "Name", "data"), "drkit-0123456789abcdef"),
                        sdk -> sdk.ec2.createVolume(r -> r.availabilityZone("us-west-2a").snapshotId("snap-0aaaaaaaaaaaaaaa1").volumeType("gp3")
                                .clientToken("drkit-0123456789abcdef").tagSpecifications(TagSpecification.builder().resourceType(ResourceType.VOLUME)
                                        .tags(Tag.builder().key("Name").value("data").build(),
                                                Tag.builder().key("drkit:restored-volume").value("data").build()).build()))
                                .volumeId()),
                new ConformanceCase("Ec2VolumesApi.attachVolume", CannedAnswer.xml(200, """
                        <AttachVolumeResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                          <requestId>req-attach</requestId>
                          <volumeId>vol-0aaaaaaaaaaaaaaa1</volumeId><instanceId>i-0123456789abcdef0</instanceId><device>/dev/sdf</device>
                          <status>attaching</status><attachTime>2026-12-04T10:01:00.000Z</attachTime>
                        </AttachVolumeResponse>"""),
                        aws -> aws.ec2Volumes().attachVolume(REGION, "vol-0aaaaaaaaaaaaaaa1", "i-0123456789abcdef0", "/dev/sdf"),
                        sdk -> sdk.ec2.attachVolume(r -> r.device("/dev/sdf").instanceId("i-0123456789abcdef0").volumeId("vol-0aaaaaaaaaaaaaaa1"))
                                .stateAsString()),
                new ConformanceCase("Ec2VolumesApi.instanceZone", CannedAnswer.xml(200, """
                        <DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                          <requestId>req-instance-zone</requestId>
                          <reservationSet><item><reservationId>r-0123456789abcdef0</reservationId><instancesSet><item>
                            <instanceId>i-0123456789abcdef0</instanceId><instanceState><code>16</code><name>running</name></instanceState>
                            <placement><availabilityZone>us-west-2a</availabilityZone><tenancy>default</tenancy></placement>
                          </item></instancesSet></item></reservationSet>
                        </DescribeInstancesResponse>"""),
                        aws -> aws.ec2Volumes().instanceZone(REGION, "i-0123456789abcdef0"),
                        sdk -> sdk.ec2.describeInstances(r -> r.filters(f -> f.name("instance-id").values("i-0123456789abcdef0")))
                                .reservations().stream().flatMap(res -> res.instances().stream()).findFirst()
                                .map(i -> i.placement().availabilityZone())));
    }

    private static EbsVolume volume(Volume v) {
        Map<String, String> tags = new TreeMap<>();
        v.tags().forEach(t -> tags.put(t.key(), t.value()));
        return new EbsVolume(v.volumeId(), v.stateAsString(), v.availabilityZone(), v.snapshotId(), tags,
                v.attachments().stream().map(a -> new EbsVolume.Attachment(a.instanceId(), a.device(), a.stateAsString())).toList());
    }
}

package io.github.drkit.internal.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.drkit.failover.PlanRestoreVolume;
import io.github.drkit.failover.RecoveryStep;
import io.github.drkit.failover.StepPermissions;
import io.github.drkit.plan.RuntimePermissions;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * {@code restoreVolume}: new volumes only with the plan's volume names as their {@code drkit:restored-volume} tag, from the
 * account's snapshots in the steps' Regions; tags only as CreateVolume creates them; and attachments of the volumes so
 * tagged to the plan's instances only.
 */
public final class RestoreVolumePermissions implements StepPermissions {
    /** The one instance: every step of the kind shares it, so that one statement covers them all. */
    public static final RestoreVolumePermissions INSTANCE = new RestoreVolumePermissions();
    private static final String NAME_TAG = "drkit:restored-volume";

    private RestoreVolumePermissions() {
    }

    @Override
    public List<PolicyStatement> statements(Stack stack, List<RecoveryStep> steps) {
        List<PlanRestoreVolume> volumes = steps.stream().map(PlanRestoreVolume.class::cast).toList();
        String partition = Aws.PARTITION;
        String account = stack.getAccount();
        Set<String> regions = new LinkedHashSet<>();
        volumes.forEach(v -> regions.add(v.getRegion()));
        List<String> names = volumes.stream().map(PlanRestoreVolume::getVolumeName).distinct().toList();
        List<String> volumeArns = regions.stream().map(r -> "arn:" + partition + ":ec2:" + r + ":" + account + ":volume/*").toList();
        List<PolicyStatement> out = new ArrayList<>();
        PolicyStatement create = Statements.allow("RestoreVolumeCreate", RuntimePermissions.actions("restore-volume", "volume-create"), volumeArns);
        create.addCondition("StringEquals", Map.of("aws:RequestTag/" + NAME_TAG, names));
        out.add(create);
        // CreateVolume is authorized on the snapshot too: EBS snapshot ARNs name no account.
        out.add(Statements.allow("RestoreVolumeFromSnapshots", RuntimePermissions.actions("restore-volume", "volume-create"),
                regions.stream().map(r -> "arn:" + partition + ":ec2:" + r + "::snapshot/*").toList()));
        PolicyStatement tag = Statements.allow("RestoreVolumeTagOnCreate", RuntimePermissions.actions("restore-volume", "volume-tag"), volumeArns);
        tag.addCondition("StringEquals", Map.of("ec2:CreateAction", "CreateVolume"));
        out.add(tag);
        List<String> instanceArns = volumes.stream().filter(v -> v.getAttachInstanceId() != null)
                .map(v -> "arn:" + partition + ":ec2:" + v.getRegion() + ":" + account + ":instance/" + v.getAttachInstanceId()).distinct().toList();
        if (!instanceArns.isEmpty()) {
            // AttachVolume is authorized on the instance and on the volume: the tag condition can hold only on the volume.
            out.add(Statements.allow("RestoreVolumeAttachTo", RuntimePermissions.actions("restore-volume", "volume-attach"), instanceArns));
            PolicyStatement attach = Statements.allow("RestoreVolumeAttach", RuntimePermissions.actions("restore-volume", "volume-attach"), volumeArns);
            attach.addCondition("StringEquals", Map.of("aws:ResourceTag/" + NAME_TAG, names));
            out.add(attach);
        }
        // DescribeSnapshots, DescribeVolumes and DescribeInstances support no resource-level permissions.
        out.add(Statements.allow("RestoreVolumeDescribe", RuntimePermissions.actions("restore-volume", "any"), List.of("*")));
        return out;
    }
}

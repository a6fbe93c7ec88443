package io.github.drkit.runtime.readiness.permissions;

import java.util.List;

import io.github.drkit.plan.RestoreVolumeKind;
import io.github.drkit.plan.RestoreVolumePlan;
import io.github.drkit.runtime.aws.api.SimulationContext;

/**
 * {@code restoreVolume}, as {@code RestoreVolumePermissions}: CreateVolume on a new volume of the Region carrying the
 * step's volume name as its {@code drkit:restored-volume} tag and on the Region's snapshots; tags only as CreateVolume
 * creates them; AttachVolume on the plan's instance and on the volumes so tagged; the reads on any. The new volume's id
 * is EC2's, so the grant, and this simulation, name all volumes of the account in the Region, with the tag condition.
 */
public final class RestoreVolumeScopes implements PermissionScopes<RestoreVolumePlan> {
    /** The tag the runtime creates the volume with and the grant's conditions name. */
    private static final String NAME_TAG = "drkit:restored-volume";

    @Override
    public String kind() {
        return RestoreVolumeKind.NAME;
    }

    @Override
    public Class<RestoreVolumePlan> type() {
        return RestoreVolumePlan.class;
    }

    @Override
    public List<String> tableKinds(RestoreVolumePlan step) {
        return List.of("restore-volume");
    }

    @Override
    public Grant grant(String tableKind, String scope, RestoreVolumePlan step, Account account) {
        List<String> volumes = List.of(account.arn("ec2", step.region(), "volume/*"));
        return switch (scope) {
            case "any" -> Grant.on("*");
            case "volume-create" -> Grant.of(Grant.Target.of(volumes, SimulationContext.string("aws:RequestTag/" + NAME_TAG, step.volumeName())),
                    Grant.Target.of(List.of(account.arnWithoutAccount("ec2", step.region(), "snapshot/*"))));
            case "volume-tag" -> Grant.of(Grant.Target.of(volumes, SimulationContext.string("ec2:CreateAction", "CreateVolume")));
            case "volume-attach" -> step.attachTo() == null ? Grant.none() : Grant.of(
                    Grant.Target.of(List.of(account.arn("ec2", step.region(), "instance/" + step.attachTo().instanceId()))),
                    Grant.Target.of(volumes, SimulationContext.string("aws:ResourceTag/" + NAME_TAG, step.volumeName())));
            default -> null;
        };
    }
}

package io.github.drkit.replication;

/** What a {@link ImageReplication} policy captures from the tagged resources. */
public enum ImageKind {
    /** An EBS snapshot of every tagged volume (DLM EBS_SNAPSHOT_MANAGEMENT, resource type VOLUME). */
    VOLUME_SNAPSHOTS("EBS_SNAPSHOT_MANAGEMENT", "VOLUME", "service-role/AWSDataLifecycleManagerServiceRole"),
    /** A crash-consistent snapshot set of all volumes of every tagged instance (EBS_SNAPSHOT_MANAGEMENT, INSTANCE). */
    INSTANCE_SNAPSHOTS("EBS_SNAPSHOT_MANAGEMENT", "INSTANCE", "service-role/AWSDataLifecycleManagerServiceRole"),
    /** An EBS-backed AMI of every tagged instance (DLM IMAGE_MANAGEMENT): what pilot light starts servers from. */
    AMIS("IMAGE_MANAGEMENT", "INSTANCE", "service-role/AWSDataLifecycleManagerServiceRoleForAMIManagement");

    private final String policyType;
    private final String resourceType;
    private final String managedPolicy;

    ImageKind(String policyType, String resourceType, String managedPolicy) {
        this.policyType = policyType;
        this.resourceType = resourceType;
        this.managedPolicy = managedPolicy;
    }

    String policyType() {
        return policyType;
    }

    String resourceType() {
        return resourceType;
    }

    /** The AWS managed policy DLM documents for its execution role for this kind of policy. */
    String managedPolicy() {
        return managedPolicy;
    }
}

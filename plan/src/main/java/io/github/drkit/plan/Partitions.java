package io.github.drkit.plan;

/**
 * The AWS partition of a Region code, as its prefix says: an ARN names its partition, and a plan must not point at a
 * resource in a partition its Regions cannot reach (credentials and endpoints of one partition never work in another).
 * A runtime test holds this to the AWS SDK's partition metadata for every Region of {@link Regions}.
 */
public final class Partitions {
    private Partitions() {
    }

    /** The partition id of {@code region}, e.g. {@code aws}, {@code aws-cn}, {@code aws-us-gov}, {@code aws-iso-b}. */
    public static String of(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        if (region.startsWith("us-isob-")) {
            return "aws-iso-b";
        }
        if (region.startsWith("us-isof-")) {
            return "aws-iso-f";
        }
        if (region.startsWith("eu-isoe-")) {
            return "aws-iso-e";
        }
        if (region.startsWith("us-iso-")) {
            return "aws-iso";
        }
        return "aws";
    }
}

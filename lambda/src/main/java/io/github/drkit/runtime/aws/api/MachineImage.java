package io.github.drkit.runtime.aws.api;

import java.time.Instant;

/**
 * An AMI as the runtime reads it.
 *
 * @param state    {@code available}, {@code pending}, {@code failed} ...
 * @param created  when the image was created (a copy's own creation time: EC2 keeps no time of the source image)
 */
public record MachineImage(String imageId, String name, String state, Instant created) {
}

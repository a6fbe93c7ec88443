package io.github.drkit.runtime.aws.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.drkit.runtime.aws.QueryProtocol;
import io.github.drkit.runtime.aws.QueryProtocol.Params;
import io.github.drkit.runtime.aws.Xml;

/** The EC2 operations a recovery needs. */
public final class Ec2Api {
    private static final int MAX_PAGES = 100;

    private final QueryProtocol query;

    public Ec2Api(QueryProtocol query) {
        this.query = query;
    }

    /**
     * The state name ({@code running}, {@code stopped}, ...) of each instance that exists. Filters by id instead
     * of naming the ids, so that an unknown id comes back missing instead of failing the whole call.
     */
    public Map<String, String> instanceStates(String region, List<String> instanceIds) {
        Map<String, String> states = new LinkedHashMap<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Xml answer = query.call(region, "DescribeInstances", Params.of()
                    .put("Filter.1.Name", "instance-id").list("Filter.1.Value", instanceIds).put("NextToken", token));
            for (Xml instance : answer.all("reservationSet/item/instancesSet/item")) {
                states.put(instance.text("instanceId"), instance.text("instanceState/name"));
            }
            token = answer.text("nextToken");
            if (token == null || token.isEmpty()) {
                return states;
            }
        }
        throw new IllegalStateException("DescribeInstances returned more than " + MAX_PAGES + " pages; stopped listing");
    }

    public void startInstances(String region, List<String> instanceIds) {
        query.call(region, "StartInstances", Params.of().list("InstanceId", instanceIds));
    }

    public void stopInstances(String region, List<String> instanceIds) {
        query.call(region, "StopInstances", Params.of().list("InstanceId", instanceIds));
    }

    /**
     * One version of a launch template, or null when there is no such version.
     *
     * @param templateId   the template's id; when null, {@code templateName} names it
     * @param version      a number, {@code $Latest} or {@code $Default}
     */
    public LaunchTemplateVersion launchTemplateVersion(String region, String templateId, String templateName, String version) {
        Xml answer = query.call(region, "DescribeLaunchTemplateVersions", Params.of()
                .put(templateId != null ? "LaunchTemplateId" : "LaunchTemplateName", templateId != null ? templateId : templateName)
                .put("LaunchTemplateVersion.1", version));
        Xml item = answer.first("launchTemplateVersionSet/item");
        return item == null ? null : new LaunchTemplateVersion(item.text("launchTemplateId"), item.number("versionNumber"),
                item.text("launchTemplateData/instanceType"), item.text("launchTemplateData/imageId"));
    }

    /**
     * Creates a version of a template that differs from {@code sourceVersion} only in its instance type; returns its
     * number. One client token for every attempt: a retry after a lost answer returns the version the first attempt
     * made instead of making a second.
     */
    public long createLaunchTemplateVersion(String region, String templateId, String sourceVersion, String description, String instanceType) {
        Xml answer = query.call(region, "CreateLaunchTemplateVersion", Params.of()
                .put("ClientToken", java.util.UUID.randomUUID().toString())
                .put("LaunchTemplateId", templateId)
                .put("SourceVersion", sourceVersion)
                .put("VersionDescription", description)
                .put("LaunchTemplateData.InstanceType", instanceType));
        return answer.number("launchTemplateVersion/versionNumber");
    }

    /**
     * The state ({@code available}, {@code pending}, {@code deregistered}, ...) of each image that exists and this
     * account can see. Filters by id instead of naming the ids, so that an unknown or deregistered id comes back
     * missing instead of failing the whole call.
     */
    public Map<String, String> imageStates(String region, List<String> imageIds) {
        Map<String, String> states = new LinkedHashMap<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Xml answer = query.call(region, "DescribeImages", Params.of()
                    .put("Filter.1.Name", "image-id").list("Filter.1.Value", imageIds).put("NextToken", token));
            for (Xml image : answer.all("imagesSet/item")) {
                states.put(image.text("imageId"), image.text("imageState"));
            }
            token = answer.text("nextToken");
            if (token == null || token.isEmpty()) {
                return states;
            }
        }
        throw new IllegalStateException("DescribeImages returned more than " + MAX_PAGES + " pages; stopped listing");
    }

    /**
     * The default vCPU count of each named instance type the Region offers. One call for every type of a plan: a
     * type the Region does not offer fails the call with {@code InvalidInstanceType}.
     */
    public Map<String, Integer> instanceTypeVCpus(String region, List<String> instanceTypes) {
        Map<String, Integer> vcpus = new LinkedHashMap<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Xml answer = query.call(region, "DescribeInstanceTypes", Params.of()
                    .list("InstanceType", instanceTypes).put("NextToken", token));
            for (Xml type : answer.all("instanceTypeSet/item")) {
                Long count = type.number("vCpuInfo/defaultVCpus");
                if (count != null) {
                    vcpus.put(type.text("instanceType"), count.intValue());
                }
            }
            token = answer.text("nextToken");
            if (token == null || token.isEmpty()) {
                return vcpus;
            }
        }
        throw new IllegalStateException("DescribeInstanceTypes returned more than " + MAX_PAGES + " pages; stopped listing");
    }

    /**
     * Creates a version of a template that differs from {@code sourceVersion} only in its image; returns its number. One
     * client token for every attempt, as for {@link #createLaunchTemplateVersion}.
     */
    public long createLaunchTemplateVersionWithImage(String region, String templateId, String sourceVersion, String description,
                                                     String imageId) {
        Xml answer = query.call(region, "CreateLaunchTemplateVersion", Params.of()
                .put("ClientToken", java.util.UUID.randomUUID().toString())
                .put("LaunchTemplateId", templateId)
                .put("SourceVersion", sourceVersion)
                .put("VersionDescription", description)
                .put("LaunchTemplateData.ImageId", imageId));
        return answer.number("launchTemplateVersion/versionNumber");
    }

    /**
     * The account's own AMIs in the Region that carry every one of {@code tags}, in any state; copies made by Data
     * Lifecycle Manager or AWS Backup keep their source's tags.
     */
    public List<MachineImage> imagesTagged(String region, Map<String, String> tags) {
        Params params = Params.of().put("Owner.1", "self");
        int i = 1;
        for (Map.Entry<String, String> tag : new java.util.TreeMap<>(tags).entrySet()) {
            params.put("Filter." + i + ".Name", "tag:" + tag.getKey()).put("Filter." + i + ".Value.1", tag.getValue());
            i++;
        }
        List<MachineImage> images = new java.util.ArrayList<>();
        for (Xml image : query.call(region, "DescribeImages", params).all("imagesSet/item")) {
            String created = image.text("creationDate");
            images.add(new MachineImage(image.text("imageId"), image.text("name"), image.text("imageState"),
                    created == null ? null : java.time.Instant.parse(created)));
        }
        return images;
    }

    /**
     * @param instanceType null when the version does not set one
     * @param imageId      null when the version does not set one
     */
    public record LaunchTemplateVersion(String launchTemplateId, long versionNumber, String instanceType, String imageId) {
        public LaunchTemplateVersion(String launchTemplateId, long versionNumber, String instanceType) {
            this(launchTemplateId, versionNumber, instanceType, null);
        }
    }
}

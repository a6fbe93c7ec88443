package io.github.drkit.apps.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.RestoreDatabasePlan;
import io.github.drkit.plan.RestoreImagePlan;
import io.github.drkit.runtime.engine.Report;
import io.github.drkit.runtime.engine.StateReport;
import io.github.drkit.runtime.engine.StepReport;
import io.github.drkit.runtime.steps.restore.RestoreDatabaseExecutor;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBSnapshot;

/**
 * The recovery points a backup-and-restore plan restores from, made in the emulator the way the strategy's copies
 * would leave them, and the checks of what a restore made of them.
 *
 * <p>moto 5.2.1 has no AWS Backup recovery points or copy jobs and runs no Data Lifecycle Manager policy, so the drill
 * takes their place: for each {@code restoreDatabase} step, a snapshot of the primary database copied to the recovery
 * Region (what the backup plan's copy to the recovery vault leaves there); for each {@code restoreImage} step, an AMI of
 * one of the primary site's instances copied to the recovery Region and carrying the step's tags (what the AMI policy's
 * cross-Region copy with its tags leaves there). Their age at the restore is seconds, not the hours a real schedule
 * gives: the report states each one's.
 */
public final class RecoveryPoints {
    /** A recovery point the drill made: which step restores from it, its id in the recovery Region, and when it was made. */
    public record Point(String step, String kind, String region, String id, Instant created, String madeFrom) {
    }

    private final List<Point> points;
    private final List<Check> checks;

    private RecoveryPoints(List<Point> points, List<Check> checks) {
        this.points = List.copyOf(points);
        this.checks = List.copyOf(checks);
    }

    /** True when the plan restores from recovery points: it is run with the restore action, not failover. */
    public static boolean restores(RecoveryPlan plan) {
        return !plan.steps(RestoreDatabasePlan.class).isEmpty() || !plan.steps(RestoreImagePlan.class).isEmpty();
    }

    /** Makes one recovery point per restore step of the plan, from the primary site in {@code primaryRegion}. */
    public static RecoveryPoints create(DrillClients clients, RecoveryPlan plan, String primaryRegion) {
        List<Point> points = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        String stamp = Long.toString(Instant.now().getEpochSecond());
        for (RestoreDatabasePlan step : plan.steps(RestoreDatabasePlan.class)) {
            Point p = snapshotCopy(clients, step, primaryRegion, stamp);
            points.add(p);
            DBSnapshot copy = clients.rds(step.region()).describeDBSnapshots(b -> b.dbSnapshotIdentifier(p.id())).dbSnapshots().get(0);
            checks.add(Check.of("snapshot copy " + p.id() + " (" + step.region() + ") of " + step.sourceDbInstanceIdentifier(),
                    "available", copy.status()));
        }
        for (RestoreImagePlan step : plan.steps(RestoreImagePlan.class)) {
            Point p = imageCopy(clients, step, primaryRegion, stamp);
            points.add(p);
            Image copy = clients.ec2(step.region()).describeImages(b -> b.imageIds(p.id())).images().get(0);
            checks.add(Check.of("copied AMI " + p.id() + " (" + step.region() + ") tagged " + step.imageTags(), "available, tagged",
                    copy.stateAsString() + (tags(copy.tags()).entrySet().containsAll(step.imageTags().entrySet()) ? ", tagged" : ", untagged")));
        }
        return new RecoveryPoints(points, checks);
    }

    /** A snapshot of the source instance in the primary Region, copied to the step's Region under the drill's name. */
    private static Point snapshotCopy(DrillClients clients, RestoreDatabasePlan step, String primaryRegion, String stamp) {
        String source = step.sourceDbInstanceIdentifier();
        if (clients.rds(primaryRegion).describeDBInstances().dbInstances().stream().noneMatch(db -> db.dbInstanceIdentifier().equals(source))) {
            throw new DrillException(step.path() + ".sourceDbInstanceIdentifier: no RDS instance '" + source + "' in the primary Region "
                    + primaryRegion + " to take the recovery point from");
        }
        String snapshot = "drill-" + source + "-" + stamp;
        String arn = clients.rds(primaryRegion).createDBSnapshot(b -> b.dbInstanceIdentifier(source).dbSnapshotIdentifier(snapshot))
                .dbSnapshot().dbSnapshotArn();
        String copy = snapshot + "-copy";
        clients.rds(step.region()).copyDBSnapshot(b -> b.sourceDBSnapshotIdentifier(arn).targetDBSnapshotIdentifier(copy)
                .sourceRegion(primaryRegion));
        return new Point(step.path(), step.kind(), step.region(), copy, Instant.now(), "snapshot " + snapshot + " of " + source
                + " (" + primaryRegion + ")");
    }

    /** An AMI of a running primary instance carrying the step's tags, copied to the step's Region with those tags. */
    private static Point imageCopy(DrillClients clients, RestoreImagePlan step, String primaryRegion, String stamp) {
        List<Filter> filters = new ArrayList<>();
        step.imageTags().forEach((k, v) -> filters.add(Filter.builder().name("tag:" + k).values(v).build()));
        filters.add(Filter.builder().name("instance-state-name").values("running").build());
        Optional<Instance> instance = clients.ec2(primaryRegion).describeInstances(b -> b.filters(filters)).reservations().stream()
                .flatMap(r -> r.instances().stream()).findFirst();
        if (instance.isEmpty()) {
            throw new DrillException(step.path() + ".imageTags: no running instance tagged " + step.imageTags() + " in the primary Region "
                    + primaryRegion + " to image");
        }
        List<Tag> tags = step.imageTags().entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
        String name = "drill-" + step.autoScalingGroupName() + "-" + stamp;
        String image = clients.ec2(primaryRegion).createImage(b -> b.instanceId(instance.get().instanceId()).name(name)
                .tagSpecifications(t -> t.resourceType(ResourceType.IMAGE).tags(tags))).imageId();
        String copy = clients.ec2(step.region()).copyImage(b -> b.sourceImageId(image).sourceRegion(primaryRegion).name(name)).imageId();
        // The AMI policy copies with copyTags: the copy carries the source's tags, which the restore selects it by.
        clients.ec2(step.region()).createTags(b -> b.resources(copy).tags(tags));
        return new Point(step.path(), step.kind(), step.region(), copy, Instant.now(), "AMI " + image + " of "
                + instance.get().instanceId() + " (" + primaryRegion + ")");
    }

    public List<Point> points() {
        return points;
    }

    /** That each recovery point is where the restore looks for it. */
    public List<Check> checks() {
        return checks;
    }

    /** One line per point, for the report. */
    public String describe() {
        return String.join("; ", points.stream().map(p -> p.kind() + " " + p.step() + ": " + p.id() + " in " + p.region() + " from "
                + p.madeFrom()).toList());
    }

    /**
     * What the restore made, read from the emulator: each restored database available, made from its point and in the
     * plan's security groups, each group launching its point's image (the one made for its tier, by its tier's tags).
     */
    public List<Check> verifyRestored(DrillClients clients, RecoveryPlan plan) {
        List<Check> out = new ArrayList<>();
        for (RestoreDatabasePlan step : plan.steps(RestoreDatabasePlan.class)) {
            Optional<DBInstance> db = database(clients, step);
            String subject = "restored RDS instance " + step.dbInstanceIdentifier() + " (" + step.region() + ")";
            out.add(Check.of(subject + " status", "available", db.map(DBInstance::dbInstanceStatus).orElse("absent")));
            out.add(Check.of(subject + " restored from", point(step.path()).id(), db.map(d -> tagsOf(d).get(RestoreDatabaseExecutor.RESTORED_FROM))
                    .orElse(null)));
            if (!step.vpcSecurityGroupIds().isEmpty()) {
                // The plan's groups, not the VPC's default one: the tiers reach the database through them.
                out.add(Check.of(subject + " security groups", step.vpcSecurityGroupIds(), db.map(d -> d.vpcSecurityGroups().stream()
                        .map(g -> g.vpcSecurityGroupId()).toList()).orElse(null)));
            }
        }
        for (RestoreImagePlan step : plan.steps(RestoreImagePlan.class)) {
            out.add(Check.of("group " + step.autoScalingGroupName() + " (" + step.region() + ") launch template image", point(step.path()).id(),
                    launchedImage(clients, step)));
        }
        return out;
    }

    /** After failback: every restored database still exists, and the failback report lists it for a person. */
    public List<Check> verifyLeftForOperator(DrillClients clients, RecoveryPlan plan, Report failback) {
        List<Check> out = new ArrayList<>();
        for (RestoreDatabasePlan step : plan.steps(RestoreDatabasePlan.class)) {
            out.add(Check.of("restored RDS instance " + step.dbInstanceIdentifier() + " (" + step.region() + ") after failback",
                    "kept", database(clients, step).isPresent() ? "kept" : "deleted"));
            String prefix = step.path() + ": RDS instance " + step.dbInstanceIdentifier() + " in " + step.region() + " was restored";
            out.add(Check.of("failback report lists " + step.dbInstanceIdentifier() + " for the operator", "listed",
                    failback.leftForOperator().stream().anyMatch(l -> l.startsWith(prefix)) ? "listed" : failback.leftForOperator()));
        }
        return out;
    }

    /**
     * Each point's age when the restore chose it (from the run's state before) and each resource's restore time (its
     * step's duration), e.g. "stages[0].steps[0] restoreDatabase: snapshot ... 12 s old; restored in 1.2 s".
     */
    public static List<String> restoreTimes(Report restore) {
        List<String> lines = new ArrayList<>();
        List<StateReport.StepStatus> before = restore.stateBefore() == null ? List.of() : restore.stateBefore().steps();
        for (StateReport.StepStatus status : before) {
            Object point = status.details().get("recoveryPoint");
            if (point == null) {
                continue;
            }
            long millis = restore.steps().stream().filter(s -> status.path().equals(s.resource())).mapToLong(StepReport::millis).sum();
            Object age = status.details().get("recoveryPointAgeSeconds");
            Object met = status.details().get("rpoMet");
            lines.add(status.path() + " " + status.kind() + " " + status.resource() + ": recovery point " + point + " "
                    + (age == null ? "" : Durations.format(Duration.ofSeconds(((Number) age).longValue())) + " old")
                    + (met == null ? "" : " (RPO " + (Boolean.TRUE.equals(met) ? "met" : "missed") + ")")
                    + "; restored in " + Durations.millis(millis));
        }
        return lines;
    }

    private Point point(String step) {
        return points.stream().filter(p -> p.step().equals(step)).findFirst()
                .orElseThrow(() -> new DrillException("no recovery point was made for " + step));
    }

    private static Optional<DBInstance> database(DrillClients clients, RestoreDatabasePlan step) {
        return clients.rds(step.region()).describeDBInstances().dbInstances().stream()
                .filter(d -> d.dbInstanceIdentifier().equals(step.dbInstanceIdentifier())).findFirst();
    }

    private static String launchedImage(DrillClients clients, RestoreImagePlan step) {
        List<AutoScalingGroup> groups = clients.autoScaling(step.region()).describeAutoScalingGroups(b -> b.autoScalingGroupNames(
                step.autoScalingGroupName())).autoScalingGroups();
        if (groups.isEmpty() || groups.get(0).launchTemplate() == null) {
            return "no group with a launch template";
        }
        var ref = groups.get(0).launchTemplate();
        return clients.ec2(step.region()).describeLaunchTemplateVersions(b -> b.launchTemplateId(ref.launchTemplateId())
                .versions(ref.version() == null ? "$Default" : ref.version())).launchTemplateVersions().stream()
                .map(v -> v.launchTemplateData().imageId()).findFirst().orElse("no version " + ref.version());
    }

    private static Map<String, String> tagsOf(DBInstance db) {
        Map<String, String> tags = new java.util.LinkedHashMap<>();
        db.tagList().forEach(t -> tags.put(t.key(), t.value()));
        return tags;
    }

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        tags.forEach(t -> out.put(t.key(), t.value()));
        return out;
    }
}

package io.github.drkit.apps.strategies;

import io.github.drkit.apps.ReferenceEnvironment;
import io.github.drkit.archive.ArchiveCatalog;
import io.github.drkit.archive.ArchiveCatalogProps;
import io.github.drkit.archive.ArchiveReplication;
import io.github.drkit.archive.GlacierLifecycle;
import io.github.drkit.archive.GlacierLifecycleProps;
import io.github.drkit.archive.InventorySearch;
import io.github.drkit.backup.AirGappedVault;
import io.github.drkit.backup.AirGappedVaultProps;
import io.github.drkit.backup.BackupAuditFramework;
import io.github.drkit.backup.BackupAuditFrameworkProps;
import io.github.drkit.backup.BackupCopy;
import io.github.drkit.backup.BackupRule;
import io.github.drkit.backup.BackupVault;
import io.github.drkit.backup.BackupVaultProps;
import io.github.drkit.backup.RestoreTesting;
import io.github.drkit.backup.VaultLock;
import io.github.drkit.backuprestore.BackupRestoreSite;
import io.github.drkit.backuprestore.BackupRestoreSiteProps;
import io.github.drkit.failover.Capacity;
import io.github.drkit.failover.DnsSwitchOptions;
import io.github.drkit.failover.Endpoint;
import io.github.drkit.failover.HealthCheckOptions;
import io.github.drkit.pilotlight.ServerTier;
import io.github.drkit.objectives.RecoveryObjectives;
import io.github.drkit.objectives.StandbyCost;
import io.github.drkit.replication.ImageKind;
import io.github.drkit.replication.ImageReplication;
import io.github.drkit.replication.ImageReplicationProps;
import io.github.drkit.replication.RegionCopy;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.BucketAttributes;
import software.amazon.awscdk.services.s3.ObjectLockMode;
import software.constructs.Construct;

/**
 * Backup and restore across two Regions. The primary Region backs up every resource tagged
 * {@code drkit:backup=backup-restore} and {@code drkit:tier=production} (both tags), except those
 * tagged {@code drkit:ephemeral=true}, into a locked AWS Backup vault with three rules: hourly, kept
 * 7 days and copied to the recovery Region's vault; daily, kept 35 days and copied to a logically
 * air-gapped vault; monthly, kept 7 years (cold storage after 90 days). A Backup Audit Manager
 * framework checks what the vault declares and reports to an S3 bucket. It also archives
 * objects through Standard-IA, Glacier Flexible Retrieval and Deep Archive with Object Lock and
 * replicates them with Replication Time Control; and copies EBS snapshots and AMIs of tagged volumes
 * and instances to the recovery Region. The live site ({@code drkit-backup-restore-site}: web servers
 * and their PostgreSQL database) carries the tags that put its database in the backup plan and its
 * instances in the AMI policy. The recovery Region holds the copies and nothing runs there until a
 * restore: its {@link BackupRestoreSite} restores the database from the latest snapshot copied there (into a security
 * group that lets the web tier in on PostgreSQL's port), points its web tier at the latest copied AMI tagged for the web
 * tier, scales it and moves {@code backup-restore.<zone>}.
 */
public final class BackupRestoreStacks {
    public static final String APPLICATION = "backup-restore";
    /** Tags a resource needs, all of them, to be backed up. */
    public static final Map<String, String> BACKUP_TAGS = Map.of("drkit:backup", APPLICATION, "drkit:tier", "production");
    public static final String PRIMARY_VAULT = "drkit-backup-restore-primary";
    public static final String RECOVERY_VAULT = "drkit-backup-restore-recovery";
    public static final String AIR_GAPPED_VAULT = "drkit-backup-restore-air-gapped";
    /** Resources with this tag are not backed up, though they carry the backup tags. */
    public static final Map<String, String> EXCLUDE_TAGS = Map.of("drkit:ephemeral", "true");
    /**
     * The data the air-gapped vault holds, for the standby cost: an assumption of the reference app
     * (35 daily recovery points of a 100 GB data set that changes little), the copy the air gap adds.
     */
    public static final double AIR_GAPPED_GB = 150;
    public static final String REPLICA_KEY_ALIAS = "alias/drkit-backup-restore-archive-replica";
    /** The live site's database: backed up by the vault's plan, copied to the recovery Region, restored from there. */
    public static final String DATABASE = "drkit-backup-restore-db";
    /** The tag the AMI policy selects instances by; the copied AMIs keep it, and the restore selects them by it and the tier's. */
    public static final Map<String, String> AMI_TAGS = Map.of("drkit:ami", APPLICATION);
    /**
     * The web tier's AMIs: the policy's tag and the tier's. The copies keep every tag of the instance they were made from,
     * so a second tier (tagged {@code drkit:ami-tier=app} on the live site) would select its own AMIs the same way.
     */
    public static final Map<String, String> WEB_AMI_TAGS = Map.of("drkit:ami", APPLICATION, "drkit:ami-tier", "web");
    /** The live site's database engine is PostgreSQL: the restored database listens where it did. */
    public static final int DATABASE_PORT = 5432;
    /** Backup and restore recovers in hours: the primary's constructs must reach these at synth. */
    public static final java.time.Duration RTO = java.time.Duration.ofHours(24);
    public static final java.time.Duration RPO = java.time.Duration.ofHours(4);

    private BackupRestoreStacks() {
    }

    public static void define(App app, ReferenceEnvironment env) {
        ReferenceZone zone = ReferenceZone.from(app);
        LiveSiteStack site = new LiveSiteStack(app, "drkit-backup-restore-site", StackProps.builder().env(env.primary())
                .description("drkit reference app: backup and restore, the live site its backups protect").build(), zone,
                "primary." + APPLICATION, DATABASE);
        // What the backup plan and the AMI policy select: the database by the backup tags, the servers' instances by the AMI tag.
        BACKUP_TAGS.forEach((k, v) -> Tags.of(site.getDatabase()).add(k, v));
        WEB_AMI_TAGS.forEach((k, v) -> Tags.of(site.getServers()).add(k, v));
        RecoveryStack recovery = new RecoveryStack(app, "drkit-backup-restore-recovery", StackProps.builder().env(env.recovery())
                .description("drkit reference app: backup and restore, copies in the recovery Region").build(), env, zone);
        PrimaryStack primary = new PrimaryStack(app, "drkit-backup-restore-primary", StackProps.builder().env(env.primary())
                .description("drkit reference app: backup and restore, primary Region").build(), env);
        // Order only: copies and replicas need their destinations. No value crosses the Regions.
        primary.addStackDependency(recovery, "copies and archive replicas need their destinations");
    }

    /** Bucket names are global: account and Region make the replica's unique. */
    static String replicaBucketName(ReferenceEnvironment env) {
        return "drkit-archive-replica-" + env.account() + "-" + env.recoveryRegion();
    }

    /** The archive lifecycle both Regions share: 30 days Standard, Standard-IA, Glacier at 90, Deep Archive at 180, 7 years. */
    static GlacierLifecycleProps.Builder archiveLifecycle() {
        return GlacierLifecycleProps.builder()
                .infrequentAccessAfter(Duration.days(30))
                .realTimeAccess(Duration.days(90))
                .deepArchiveAfter(Duration.days(180))
                .retainFor(Duration.days(7 * 365))
                .objectLockMode(ObjectLockMode.GOVERNANCE);
    }

    /** The primary Region: the backup plan, the archive and the image policies. */
    public static final class PrimaryStack extends Stack {
        private final BackupVault backups;
        private final AirGappedVault airGapped;
        private final BackupAuditFramework audit;
        private final GlacierLifecycle archive;

        public PrimaryStack(Construct scope, String id, StackProps props, ReferenceEnvironment env) {
            super(scope, id, props);
            // Ransomware recovery: copies an attacker with this account's credentials cannot delete.
            // Share it with a recovery account (AirGappedVaultProps.shareWith) to restore from there.
            this.airGapped = new AirGappedVault(this, "AirGapped", AirGappedVaultProps.builder()
                    .backupVaultName(AIR_GAPPED_VAULT)
                    .minRetention(Duration.days(7))
                    .maxRetention(Duration.days(35))
                    .build());
            StandbyCost.storageEstimate(airGapped, AIR_GAPPED_GB);
            this.backups = new BackupVault(this, "Backups", BackupVaultProps.builder()
                    .backupVaultName(PRIMARY_VAULT)
                    .backupTags(BACKUP_TAGS)
                    .excludeTags(EXCLUDE_TAGS)
                    .rules(List.of(
                            // The most frequent rule that leaves the Region sets the RPO: 1 h + start window + copy.
                            BackupRule.hourly(Duration.days(7)).copyTo(List.of(BackupCopy.toVault(RECOVERY_VAULT,
                                    env.recoveryRegion(), env.account()).retention(Duration.days(7)).build())).build(),
                            BackupRule.daily(Duration.days(35)).copyTo(List.of(BackupCopy.toAirGappedVault(airGapped).build())).build(),
                            BackupRule.monthly(Duration.days(7 * 365)).moveToColdStorageAfter(Duration.days(90)).build()))
                    // Governance mode: a reference deployment must stay removable. Production vaults use
                    // VaultLock.compliance, which nobody can undo after the 72-hour cooling-off period.
                    .vaultLock(VaultLock.governance(Duration.days(7), Duration.days(7 * 365)))
                    .restoreTesting(RestoreTesting.builder().protectedResourceType("EBS").validationWindowHours(2).validation(true).build())
                    .build());
            // The auditors' view: controls that follow the vault's rules, lock and copies, with reports.
            this.audit = new BackupAuditFramework(this, "BackupAudit", BackupAuditFrameworkProps.builder()
                    .vault(backups)
                    .removalPolicy(RemovalPolicy.RETAIN)
                    .build());
            this.archive = new GlacierLifecycle(this, "Archive", archiveLifecycle()
                    .replication(ArchiveReplication.builder()
                            .destination(software.amazon.awscdk.services.s3.Bucket.fromBucketAttributes(this, "ArchiveReplica",
                                    BucketAttributes.builder().bucketName(replicaBucketName(env))
                                            .region(env.recoveryRegion()).account(env.account()).build()))
                            .destinationKeyAlias(REPLICA_KEY_ALIAS)
                            .build())
                    .build());
            // The archive's index: find one file among years of archives, restore it, read a part of it. At scale the
            // same search runs as SQL over a daily S3 Inventory (archive search --engine athena), at most 100 GiB a query.
            ArchiveCatalog catalog = new ArchiveCatalog(this, "ArchiveCatalog", ArchiveCatalogProps.builder().archive(archive)
                    .inventorySearch(InventorySearch.builder().build())
                    .build());
            // What archive search --engine athena needs: --workgroup, --database and --inventory-table.
            CfnOutput.Builder.create(this, "ArchiveSearchWorkGroup").value(catalog.getWorkGroupName())
                    .description("archive search --engine athena --workgroup").build();
            CfnOutput.Builder.create(this, "ArchiveInventoryDatabase").value(catalog.getInventoryDatabaseName())
                    .description("archive search --engine athena --database").build();
            // The backup vault (RPO 3 h, RTO 4 h) and the archive (RPO 15 min, RTO 12 h from Deep
            // Archive) must meet these, or cdk synth fails and says which term is too long.
            RecoveryObjectives.builder()
                    .rto(software.amazon.awscdk.Duration.seconds(RTO.toSeconds()))
                    .rpo(software.amazon.awscdk.Duration.seconds(RPO.toSeconds())).build().applyTo(this);
            new ImageReplication(this, "VolumeSnapshots", ImageReplicationProps.builder()
                    .kind(ImageKind.VOLUME_SNAPSHOTS)
                    .targetTags(Map.of("drkit:snapshot", APPLICATION))
                    .interval(Duration.hours(12))
                    .retainCount(14)
                    .copyTo(List.of(RegionCopy.to(env.recoveryRegion(), Duration.days(14))))
                    .build());
            new ImageReplication(this, "Amis", ImageReplicationProps.builder()
                    .kind(ImageKind.AMIS)
                    .targetTags(AMI_TAGS)
                    .interval(Duration.hours(24))
                    .retainCount(7)
                    .copyTo(List.of(RegionCopy.to(env.recoveryRegion(), Duration.days(14))))
                    .build());
        }

        public BackupVault getBackups() {
            return backups;
        }

        public AirGappedVault getAirGapped() {
            return airGapped;
        }

        public BackupAuditFramework getAudit() {
            return audit;
        }

        public GlacierLifecycle getArchive() {
            return archive;
        }
    }

    /** The recovery Region: the vault that receives the copies, the archive's replica and the site a restore brings up. */
    public static final class RecoveryStack extends Stack {
        private final BackupVault vault;
        private final GlacierLifecycle archiveReplica;
        private final BackupRestoreSite restore;

        public RecoveryStack(Construct scope, String id, StackProps props, ReferenceEnvironment env, ReferenceZone zone) {
            super(scope, id, props);
            this.vault = new BackupVault(this, "Vault", BackupVaultProps.builder()
                    .backupVaultName(RECOVERY_VAULT)
                    .vaultLock(VaultLock.governance(Duration.days(7), Duration.days(365)))
                    .build());
            // The primary's replication role finds this key by its alias: the key's id cannot cross Regions.
            Key replicaKey = Key.Builder.create(this, "ArchiveReplicaKey")
                    .description("Encrypts the replicas of the backup-restore archive")
                    .alias(REPLICA_KEY_ALIAS)
                    .enableKeyRotation(true)
                    .removalPolicy(RemovalPolicy.RETAIN)
                    .build();
            this.archiveReplica = new GlacierLifecycle(this, "ArchiveReplica", archiveLifecycle()
                    .bucketName(replicaBucketName(env))
                    .encryptionKey(replicaKey)
                    .build());
            // Nothing runs here until a restore: then the database comes back from its latest snapshot copy, the web
            // tier launches from the latest copied AMI, and backup-restore.<zone> moves here once it is healthy.
            RegionNetwork network = new RegionNetwork(this, "Network");
            this.restore = new BackupRestoreSite(this, "Restore", BackupRestoreSiteProps.builder()
                    .applicationName(APPLICATION)
                    .primaryRegion(env.primaryRegion())
                    .vpc(network.vpc())
                    .accessLogBucket(network.logs())
                    .sourceDatabaseIdentifier(DATABASE)
                    .databasePort(DATABASE_PORT)
                    .rpo(software.amazon.awscdk.Duration.seconds(RPO.toSeconds()))
                    .tiers(List.of(ServerTier.builder().name("web").port(80).healthCheckPath("/").imageTags(WEB_AMI_TAGS)
                            .recoveryCapacity(Capacity.of(2, 2, 8)).build()))
                    .dns(DnsSwitchOptions.builder()
                            .hostedZone(zone.importInto(this))
                            .recordName(APPLICATION)
                            .primary(Endpoint.zoneRecord("primary." + APPLICATION))
                            .healthCheck(HealthCheckOptions.builder().https(false).build())
                            .build())
                    .build());
            // The restore (and the archive replica's retrieval) must fit the strategy's RTO. No RPO here: the vault and the
            // replica hold copies, whose RPO is the primary's backup plan and replication.
            RecoveryObjectives.builder().rto(software.amazon.awscdk.Duration.seconds(RTO.toSeconds())).build().applyTo(this);
        }

        /** The restore site: its function runs the restore action. */
        public BackupRestoreSite getRestore() {
            return restore;
        }

        public BackupVault getVault() {
            return vault;
        }

        public GlacierLifecycle getArchiveReplica() {
            return archiveReplica;
        }
    }
}

package io.github.drkit.backup;

import io.github.drkit.internal.protection.Durations;
import io.github.drkit.objectives.DataProtections;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.UniqueResourceNameOptions;
import software.amazon.awscdk.services.backup.CfnLogicallyAirGappedBackupVault;
import software.amazon.awscdk.services.ram.CfnResourceShare;
import software.constructs.Construct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An AWS Backup logically air-gapped vault: recovery points copied into it are locked (compliance
 * mode, between the vault's minimum and maximum retention), encrypted with a key AWS Backup owns, and
 * held in an AWS-owned account, so that whoever takes over this account cannot delete them. Shared
 * through AWS RAM with a recovery account, it can be restored from there.
 *
 * <p>Fill it with a copy action of a {@link BackupVault}'s rule:
 * {@code BackupCopy.toAirGappedVault(airGapped).retention(Duration.days(35)).build()}.
 */
public class AirGappedVault extends Construct {
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern ORGANIZATION = Pattern.compile("arn:aws[a-z-]*:organizations::\\d{12}:(organization|ou)/.+");

    private final AirGappedVaultProps props;
    private final CfnLogicallyAirGappedBackupVault vault;
    private final CfnResourceShare share;

    public AirGappedVault(Construct scope, String id) {
        this(scope, id, AirGappedVaultProps.builder().build());
    }

    public AirGappedVault(Construct scope, String id, AirGappedVaultProps props) {
        super(scope, id);
        check(props);
        this.props = props;
        String name = props.getBackupVaultName() != null ? props.getBackupVaultName()
                : Names.uniqueResourceName(this, UniqueResourceNameOptions.builder().maxLength(50).separator("-").build());
        this.vault = CfnLogicallyAirGappedBackupVault.Builder.create(this, "Vault")
                .backupVaultName(name)
                .minRetentionDays(Math.round(Durations.days(props.getMinRetention())))
                .maxRetentionDays(Math.round(Durations.days(props.getMaxRetention())))
                .build();
        vault.applyRemovalPolicy(props.getRemovalPolicy());
        this.share = props.getShareWith().isEmpty() ? null : CfnResourceShare.Builder.create(this, "Share")
                .name(name)
                .resourceArns(List.of(vault.getAttrBackupVaultArn()))
                .principals(props.getShareWith())
                .allowExternalPrincipals(props.getAllowExternalPrincipals())
                .build();
        Map<String, Object> declared = new LinkedHashMap<>();
        declared.put("lock", "compliance mode, " + Durations.human(props.getMinRetention()) + " to " + Durations.human(props.getMaxRetention()));
        declared.put("encryption", "AWS-owned key");
        declared.put("sharedWith", props.getShareWith().isEmpty() ? "nobody" : props.getShareWith());
        DataProtections.declare(this, "logically air-gapped vault", declared);
    }

    private static void check(AirGappedVaultProps p) {
        String name = p.getBackupVaultName();
        if (name != null && !Token.isUnresolved(name) && !name.matches("[a-zA-Z0-9\\-_]{2,50}")) {
            throw error("backupVaultName must be 2-50 letters, digits, '-' or '_' (got '" + name + "')");
        }
        wholeDays("minRetention", p.getMinRetention());
        wholeDays("maxRetention", p.getMaxRetention());
        if (Durations.known(p.getMinRetention()) && Durations.days(p.getMinRetention()) < 7) {
            throw error("minRetention must be at least 7 days (got " + Durations.human(p.getMinRetention())
                    + "): AWS Backup's minimum for a logically air-gapped vault");
        }
        if (Durations.known(p.getMinRetention()) && Durations.known(p.getMaxRetention())
                && Durations.days(p.getMaxRetention()) < Durations.days(p.getMinRetention())) {
            throw error("maxRetention (" + Durations.human(p.getMaxRetention()) + ") must not be shorter than minRetention ("
                    + Durations.human(p.getMinRetention()) + ")");
        }
        if (Durations.known(p.getMaxRetention()) && Durations.days(p.getMaxRetention()) > 36_500) {
            throw error("maxRetention must be at most 36500 days (got " + Durations.human(p.getMaxRetention()) + ")");
        }
        for (int i = 0; i < p.getShareWith().size(); i++) {
            String principal = p.getShareWith().get(i);
            if (principal == null || (!Token.isUnresolved(principal) && !ACCOUNT.matcher(principal).matches()
                    && !ORGANIZATION.matcher(principal).matches())) {
                throw error("shareWith[" + i + "] must be a 12-digit account id or an organization or OU ARN (got '" + principal + "')");
            }
        }
    }

    private static void wholeDays(String prop, software.amazon.awscdk.Duration d) {
        if (Durations.known(d) && Durations.days(d) != Math.rint(Durations.days(d))) {
            throw error(prop + " must be a whole number of days (got " + Durations.human(d) + "): the vault takes days");
        }
    }

    static IllegalArgumentException error(String message) {
        return new IllegalArgumentException("AirGappedVault: " + message);
    }

    /** The vault's ARN (a token resolved at deploy time). */
    public String getBackupVaultArn() {
        return vault.getAttrBackupVaultArn();
    }

    public String getBackupVaultName() {
        return vault.getBackupVaultName();
    }

    public software.amazon.awscdk.Duration getMinRetention() {
        return props.getMinRetention();
    }

    public software.amazon.awscdk.Duration getMaxRetention() {
        return props.getMaxRetention();
    }

    /** The principals the vault is shared with through AWS RAM. */
    public List<String> getSharedWith() {
        return props.getShareWith();
    }

    /** The L1 vault. */
    public CfnLogicallyAirGappedBackupVault getCfnVault() {
        return vault;
    }

    /** The AWS RAM share, or null when the vault is not shared. */
    public CfnResourceShare getResourceShare() {
        return share;
    }
}

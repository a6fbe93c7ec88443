package io.github.drkit.runtime.aws.api;

import java.time.Instant;

/**
 * An RDS instance's automated backups as a Region holds them: in the recovery Region, those replicated there from the
 * source instance's Region ({@code StartDBInstanceAutomatedBackupsReplication}).
 *
 * @param arn                  the backups' ARN, which a point-in-time restore names as its source
 * @param dbInstanceIdentifier the instance the backups are of
 * @param sourceRegion         the Region of that instance
 * @param status               {@code active}, {@code replicating}, {@code retained}, {@code pending}, {@code creating}
 * @param earliest             the earliest time they restore to; null when RDS gives none (yet)
 * @param latest               the latest time they restore to; null when RDS gives none (yet)
 */
public record AutomatedBackup(String arn, String dbInstanceIdentifier, String sourceRegion, String status, Instant earliest,
                              Instant latest) {
}

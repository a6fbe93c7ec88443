package io.github.drkit.runtime.aws.conformance;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.drkit.runtime.aws.api.AutomatedBackup;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * The conformance cases of RDS point-in-time restores from replicated automated backups (RdsPointInTimeApi): moto 5.2.1
 * replicates no automated backups, so these operations' requests and answers are verified only here, against the SDK.
 */
final class PointInTimeCases {
    private static final String REGION = ConformanceCases.REGION;
    private static final String BACKUPS = "arn:aws:rds:us-west-2:123456789012:auto-backup:ab-0123456789abcdefghijklmnopqrstuv";

    private PointInTimeCases() {
    }

    static List<ConformanceCase> all() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("drkit:restored-from", BACKUPS);
        tags.put("drkit:recovery-point-time", "2026-12-04T09:30:00Z");
        String backups = """
                        <DescribeDBInstanceAutomatedBackupsResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
                          <DescribeDBInstanceAutomatedBackupsResult><DBInstanceAutomatedBackups>
                            <DBInstanceAutomatedBackup>
                              <DBInstanceArn>arn:aws:rds:us-east-1:123456789012:db:orders</DBInstanceArn>
                              <DBInstanceIdentifier>orders</DBInstanceIdentifier><Region>us-east-1</Region><Status>replicating</Status>
                              <RestoreWindow><EarliestTime>2026-11-27T10:00:00Z</EarliestTime><LatestTime>2026-12-04T09:55:00Z</LatestTime></RestoreWindow>
                              <DBInstanceAutomatedBackupsArn>%s</DBInstanceAutomatedBackupsArn>
                            </DBInstanceAutomatedBackup>
                            <DBInstanceAutomatedBackup>
                              <DBInstanceIdentifier>invoices</DBInstanceIdentifier><Region>us-east-1</Region><Status>pending</Status>
                            </DBInstanceAutomatedBackup>
                          </DBInstanceAutomatedBackups></DescribeDBInstanceAutomatedBackupsResult>
                          <ResponseMetadata><RequestId>req-auto-backups</RequestId></ResponseMetadata>
                        </DescribeDBInstanceAutomatedBackupsResponse>""".formatted(BACKUPS);
        return List.of(
                new ConformanceCase("RdsPointInTimeApi.automatedBackups", CannedAnswer.xml(200, backups),
                        aws -> aws.rdsPointInTime().automatedBackups(REGION, "orders"),
                        sdk -> sdk.rds.describeDBInstanceAutomatedBackups(r -> { }).dbInstanceAutomatedBackups().stream()
                                .filter(b -> "orders".equalsIgnoreCase(b.dbInstanceIdentifier()))
                                .map(b -> new AutomatedBackup(b.dbInstanceAutomatedBackupsArn(), b.dbInstanceIdentifier(), b.region(), b.status(),
                                        b.restoreWindow() == null ? null : b.restoreWindow().earliestTime(),
                                        b.restoreWindow() == null ? null : b.restoreWindow().latestTime())).toList()),
                // The Region's whole listing (evaluate reads it once per Region), the backup without an ARN or window included.
                new ConformanceCase("RdsPointInTimeApi.automatedBackups", CannedAnswer.xml(200, backups),
                        aws -> aws.rdsPointInTime().automatedBackups(REGION),
                        sdk -> sdk.rds.describeDBInstanceAutomatedBackups(r -> { }).dbInstanceAutomatedBackups().stream()
                                .map(b -> new AutomatedBackup(b.dbInstanceAutomatedBackupsArn(), b.dbInstanceIdentifier(), b.region(), b.status(),
                                        b.restoreWindow() == null ? null : b.restoreWindow().earliestTime(),
                                        b.restoreWindow() == null ? null : b.restoreWindow().latestTime())).toList()),
                new ConformanceCase("RdsPointInTimeApi.restoreToPointInTime", CannedAnswer.xml(200, """
                        <RestoreDBInstanceToPointInTimeResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
                          <RestoreDBInstanceToPointInTimeResult><DBInstance>
                            <DBInstanceIdentifier>orders-restored</DBInstanceIdentifier><DBInstanceStatus>creating</DBInstanceStatus>
                            <DBInstanceClass>db.r6g.large</DBInstanceClass><Engine>postgres</Engine>
                          </DBInstance></RestoreDBInstanceToPointInTimeResult>
                          <ResponseMetadata><RequestId>req-pitr</RequestId></ResponseMetadata>
                        </RestoreDBInstanceToPointInTimeResponse>"""),
                        aws -> aws.rdsPointInTime().restoreToPointInTime(REGION, "orders-restored", BACKUPS, Instant.parse("2026-12-04T09:30:00Z"),
                                "db.r6g.large", "recovery", List.of("sg-0123abcd"), tags),
                        sdk -> sdk.rds.restoreDBInstanceToPointInTime(r -> r.sourceDBInstanceAutomatedBackupsArn(BACKUPS)
                                .targetDBInstanceIdentifier("orders-restored").restoreTime(Instant.parse("2026-12-04T09:30:00Z"))
                                .dbInstanceClass("db.r6g.large").dbSubnetGroupName("recovery").vpcSecurityGroupIds("sg-0123abcd")
                                .tags(Tag.builder().key("drkit:restored-from").value(BACKUPS).build(),
                                        Tag.builder().key("drkit:recovery-point-time").value("2026-12-04T09:30:00Z").build()))
                                .dbInstance().dbInstanceStatus()),
                new ConformanceCase("RdsPointInTimeApi.restoreToPointInTime", CannedAnswer.xml(200, """
                        <RestoreDBInstanceToPointInTimeResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
                          <RestoreDBInstanceToPointInTimeResult><DBInstance>
                            <DBInstanceIdentifier>orders-restored</DBInstanceIdentifier><DBInstanceStatus>creating</DBInstanceStatus>
                          </DBInstance></RestoreDBInstanceToPointInTimeResult>
                          <ResponseMetadata><RequestId>req-pitr-latest</RequestId></ResponseMetadata>
                        </RestoreDBInstanceToPointInTimeResponse>"""),
                        aws -> aws.rdsPointInTime().restoreToPointInTime(REGION, "orders-restored", BACKUPS, null, null, null, List.of(), Map.of()),
                        sdk -> sdk.rds.restoreDBInstanceToPointInTime(r -> r.sourceDBInstanceAutomatedBackupsArn(BACKUPS)
                                .targetDBInstanceIdentifier("orders-restored").useLatestRestorableTime(true)).dbInstance().dbInstanceStatus()));
    }
}

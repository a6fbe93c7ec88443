package io.github.drkit.archive;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Size;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.InventoryFrequency;

/**
 * The archive catalog at scale: an S3 Inventory report of the archive (Apache Parquet, every version) into a bucket of
 * its own, an AWS Glue table over it and an Athena workgroup with a result bucket and a bytes-scanned limit, for
 * {@code archive search --engine athena}. Give it to {@link ArchiveCatalogProps.Builder#inventorySearch}; every
 * setting is optional.
 *
 * <pre>{@code
 * ArchiveCatalogProps.builder().archive(archive)
 *         .inventorySearch(InventorySearch.builder().bytesScannedCutoff(Size.gibibytes(50)).build())
 *         .build();
 * }</pre>
 */
public final class InventorySearch {
    /** Athena's smallest bytes-scanned limit per query: 10 MB. */
    public static final long MIN_BYTES_SCANNED_CUTOFF = 10_000_000L;

    private final InventoryFrequency frequency;
    private final Size bytesScannedCutoff;
    private final Duration reportRetention;
    private final Duration resultRetention;
    private final String workGroupName;
    private final String databaseName;
    private final IBucket serverAccessLogsBucket;

    private InventorySearch(Builder b) {
        this.frequency = b.frequency != null ? b.frequency : InventoryFrequency.DAILY;
        this.bytesScannedCutoff = b.bytesScannedCutoff != null ? b.bytesScannedCutoff : Size.gibibytes(100);
        this.reportRetention = b.reportRetention != null ? b.reportRetention : Duration.days(7);
        this.resultRetention = b.resultRetention != null ? b.resultRetention : Duration.days(7);
        this.workGroupName = b.workGroupName;
        this.databaseName = b.databaseName;
        this.serverAccessLogsBucket = b.serverAccessLogsBucket;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How often S3 writes the report. @default DAILY */
    public InventoryFrequency getFrequency() { return frequency; }
    /** The most one query may read; Athena cancels a query that reads more. @default 100 GiB */
    public Size getBytesScannedCutoff() { return bytesScannedCutoff; }
    /** How long report files are kept; a search reads the newest. @default 7 days */
    public Duration getReportRetention() { return reportRetention; }
    /** How long query results are kept, which is how long a search's page tokens work. @default 7 days */
    public Duration getResultRetention() { return resultRetention; }
    /** The Athena workgroup's name. @default generated from the construct path */
    public String getWorkGroupName() { return workGroupName; }
    /** The Glue database's name. @default generated from the construct path */
    public String getDatabaseName() { return databaseName; }
    /** Where the report and result buckets' server access logs go. @default the archive's access logs bucket; a new one for {@code bucket} */
    public IBucket getServerAccessLogsBucket() { return serverAccessLogsBucket; }

    public static final class Builder {
        private InventoryFrequency frequency;
        private Size bytesScannedCutoff;
        private Duration reportRetention;
        private Duration resultRetention;
        private String workGroupName;
        private String databaseName;
        private IBucket serverAccessLogsBucket;

        private Builder() {
        }

        /**
         * How often S3 writes the report: a search sees the archive as it was at the newest report.
         *
         * @default DAILY
         */
        public Builder frequency(InventoryFrequency frequency) {
            this.frequency = frequency;
            return this;
        }

        /**
         * The most one query may read (the workgroup's BytesScannedCutoffPerQuery); Athena cancels a query that reads
         * more, and the search says so. Athena bills by the bytes scanned, so this caps the price of one search.
         *
         * @default 100 GiB (at most about $0.54 a query at $5 per TB scanned)
         */
        public Builder bytesScannedCutoff(Size bytesScannedCutoff) {
            this.bytesScannedCutoff = bytesScannedCutoff;
            return this;
        }

        /**
         * How long report files are kept in the inventory bucket; a search reads the newest report, and each report of a
         * large archive is tens of GB.
         *
         * @default 7 days
         */
        public Builder reportRetention(Duration reportRetention) {
            this.reportRetention = reportRetention;
            return this;
        }

        /**
         * How long query results are kept in the result bucket, which is how long a search's page tokens work.
         *
         * @default 7 days
         */
        public Builder resultRetention(Duration resultRetention) {
            this.resultRetention = resultRetention;
            return this;
        }

        /**
         * The Athena workgroup's name (1 to 128 of a-z, A-Z, 0-9, '.', '_' and '-').
         *
         * @default generated from the construct path
         */
        public Builder workGroupName(String workGroupName) {
            this.workGroupName = workGroupName;
            return this;
        }

        /**
         * The Glue database's name (1 to 255 of a-z, 0-9 and '_').
         *
         * @default generated from the construct path
         */
        public Builder databaseName(String databaseName) {
            this.databaseName = databaseName;
            return this;
        }

        /**
         * Where the report and result buckets' server access logs go.
         *
         * @default the archive's access logs bucket when the catalog indexes a GlacierLifecycle; a new bucket otherwise
         */
        public Builder serverAccessLogsBucket(IBucket serverAccessLogsBucket) {
            this.serverAccessLogsBucket = serverAccessLogsBucket;
            return this;
        }

        public InventorySearch build() {
            return new InventorySearch(this);
        }
    }
}

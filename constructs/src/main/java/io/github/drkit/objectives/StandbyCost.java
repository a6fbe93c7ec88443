package io.github.drkit.objectives;

import io.github.drkit.objectives.pricing.ResourcePricer;
import io.github.drkit.objectives.pricing.ResourcePricers;
import io.github.drkit.objectives.pricing.TemplatePricing;
import io.github.drkit.objectives.pricing.TemplateValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;
import software.constructs.IConstruct;
import software.constructs.MetadataEntry;

/**
 * What a stack's idle recovery resources cost a month, priced from its synthesized CloudFormation
 * template with a {@link PriceTable}. Each priced resource type has its own pricer, registered in
 * {@link ResourcePricers#defaults()} (instances and Auto Scaling groups, load balancers and their public
 * IPv4 addresses, RDS instances and Aurora storage, EBS volumes and DLM snapshots, NAT gateways, S3 and
 * backup storage, log groups, Lambda provisioned concurrency, Route 53, KMS keys and their rotations,
 * secrets, alarms, dashboards).
 *
 * <p>It reads only the template, so it prices any construct, drkit's or not. What may cost money while
 * idle but cannot be priced is listed in {@link #unpriced()} with the reason, never counted as free.
 * Usage-driven charges (requests, data transfer, LCUs, log ingestion) are out of scope: this compares
 * what each strategy keeps running and keeps stored.
 */
public final class StandbyCost {
    /** Node metadata type that carries a bucket's size estimate in GB; see {@link #storageEstimate}. */
    public static final String STORAGE_ESTIMATE_METADATA = "drkit:storage-estimate-gb";
    /** Node metadata type that marks an EC2 instance as stopped in standby; see {@link #stoppedInStandby}. */
    public static final String STOPPED_METADATA = "drkit:stopped-in-standby";

    /** Region whose prices are used when the stack's Region is not in the table. */
    static final String FALLBACK_REGION = "us-east-1";

    /** The types whose pricer takes a size estimate. */
    private static final Set<String> STORAGE_ESTIMATE_TYPES = ResourcePricers.defaults().stream()
            .filter(ResourcePricer::usesStorageEstimate).map(ResourcePricer::resourceType).collect(Collectors.toSet());

    private final String region;
    private final String pricedRegion;
    private final PriceTable prices;
    private final List<CostLine> lines;
    private final List<String> unpriced;

    private StandbyCost(String region, String pricedRegion, PriceTable prices, List<CostLine> lines, List<String> unpriced) {
        this.region = region;
        this.pricedRegion = pricedRegion;
        this.prices = prices;
        this.lines = List.copyOf(lines);
        this.unpriced = List.copyOf(unpriced);
    }

    // ---- inputs the template cannot carry -------------------------------------------------------

    /**
     * States how much data a resource is expected to hold, so that its storage is priced: a bucket by
     * the classes its lifecycle moves data through, a backup vault at the AWS Backup warm storage rate,
     * a log group at the log storage rate, a DLM policy by the snapshots it keeps (and copies), an
     * Aurora cluster at the Aurora storage rate.
     *
     * @param scope     the resource (an L1, an L2, or a construct holding exactly one)
     * @param gigabytes the expected steady-state size, in GB
     */
    public static void storageEstimate(IConstruct scope, double gigabytes) {
        if (!(gigabytes >= 0) || Double.isInfinite(gigabytes)) {
            throw new IllegalArgumentException("StandbyCost.storageEstimate: gigabytes must be zero or more (got "
                    + gigabytes + ")");
        }
        single(scope, STORAGE_ESTIMATE_TYPES, "storageEstimate", "bucket, backup vault (air-gapped too), log group, DLM policy or Aurora cluster")
                .getNode().addMetadata(STORAGE_ESTIMATE_METADATA, gigabytes);
    }

    /**
     * Marks an EC2 instance that the recovery keeps stopped until failover (pilot light), so that only
     * its volumes are priced.
     *
     * @param scope the instance (an L1, an L2, or a construct holding exactly one)
     */
    public static void stoppedInStandby(IConstruct scope) {
        single(scope, Set.of("AWS::EC2::Instance"), "stoppedInStandby", "EC2 instance").getNode()
                .addMetadata(STOPPED_METADATA, true);
    }

    /** The one CloudFormation resource of the given types at or under a scope. */
    private static CfnResource single(IConstruct scope, Set<String> types, String method, String what) {
        List<CfnResource> found = new ArrayList<>();
        for (IConstruct c : scope.getNode().findAll()) {
            if (c instanceof CfnResource && types.contains(((CfnResource) c).getCfnResourceType())) {
                found.add((CfnResource) c);
            }
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException("StandbyCost." + method + ": '" + scope.getNode().getPath() + "' must be or hold "
                    + "exactly one " + what + " (got " + found.size() + "); pass the one to price");
        }
        return found.get(0);
    }

    // ---- entry points ---------------------------------------------------------------------------

    /** Prices a stack with the bundled price table; synthesizes its app (which runs its validations). */
    public static StandbyCost of(Stack stack) {
        return of(stack, PriceTable.bundled());
    }

    /** Prices a stack with the given price table; synthesizes its app (which runs its validations). */
    public static StandbyCost of(Stack stack, PriceTable prices) {
        // A stack always has a stage: CDK gives a stack created without a scope an App of its own.
        Stage stage = Stage.of(stack);
        Map<String, Object> template = asMap(stage.synth().getStackArtifact(stack.getArtifactId()).getTemplate());
        return fromTemplate(template, stack.getRegion(), prices, inputs(stack, STORAGE_ESTIMATE_METADATA),
                inputs(stack, STOPPED_METADATA).keySet());
    }

    /** The logical ids of the resources that carry the given metadata. */
    private static Map<String, Object> inputs(Stack stack, String type) {
        Map<String, Object> out = new HashMap<>();
        for (IConstruct c : stack.getNode().findAll()) {
            if (!(c instanceof CfnResource) || Stack.of(c) != stack) {
                continue;
            }
            Object value = metadata(c, type);
            if (value != null) {
                out.put(String.valueOf(stack.resolve(((CfnResource) c).getLogicalId())), value);
            }
        }
        return out;
    }

    private static Object metadata(IConstruct c, String type) {
        for (MetadataEntry e : c.getNode().getMetadata()) {
            if (type.equals(e.getType())) {
                return e.getData();
            }
        }
        return null;
    }

    /**
     * Prices a synthesized template.
     *
     * @param template      the template as parsed JSON (maps and lists)
     * @param region        the stack's Region; a Region the table lacks (or a token) is priced as us-east-1
     * @param storageGb     size estimates in GB by bucket logical id
     * @param stoppedIds    logical ids of EC2 instances kept stopped in standby
     */
    public static StandbyCost fromTemplate(Map<String, Object> template, String region, PriceTable prices,
            Map<String, ?> storageGb, Set<String> stoppedIds) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(prices, "prices");
        String priced = region != null && prices.regions().contains(region) ? region : FALLBACK_REGION;
        TemplatePricing pricing = TemplatePricing.run(asMap(template.get("Resources")), priced, prices,
                storageGb == null ? Map.of() : storageGb, stoppedIds == null ? Set.of() : stoppedIds,
                ResourcePricers.defaults());
        List<String> unpriced = new ArrayList<>();
        if (!priced.equals(region)) {
            unpriced.add("no prices for Region " + region + " in the table; priced at " + priced);
        }
        unpriced.addAll(pricing.getUnpriced());
        List<CostLine> lines = pricing.getCharges().stream().map(c -> new CostLine(c.getLogicalId(), c.getResourceType(),
                c.getDescription(), c.getMonthlyUsd())).toList();
        return new StandbyCost(region, priced, prices, lines, unpriced);
    }

    // ---- results --------------------------------------------------------------------------------

    public double monthlyUsd() {
        return lines.stream().mapToDouble(CostLine::monthlyUsd).sum();
    }

    public List<CostLine> lines() {
        return lines;
    }

    /** Resources (and parts) that may cost money but could not be priced, each with the reason. */
    public List<String> unpriced() {
        return unpriced;
    }

    public String region() {
        return region;
    }

    /** The Region whose prices were used. */
    public String pricedRegion() {
        return pricedRegion;
    }

    public PriceTable prices() {
        return prices;
    }

    @Override
    public String toString() {
        return Format.usd(monthlyUsd()) + "/month (" + lines.size() + " items, prices as of " + prices.asOf() + ")";
    }

    private static Map<String, Object> asMap(Object o) {
        return TemplateValues.asMap(o);
    }
}

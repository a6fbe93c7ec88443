package io.github.drkit.objectives.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.drkit.objectives.PriceTable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The EKS node group and cluster pricers on small templates. */
class EksPricersTest {
    private static final PriceTable PRICES = PriceTable.bundled();
    private static final double H = 730;

    private static Map<String, Object> res(String type, Map<String, Object> props) {
        return Map.of("Type", type, "Properties", props);
    }

    private static TemplatePricing price(Map<String, Object> resources) {
        return TemplatePricing.run(resources, "us-east-1", PRICES, Map.of(), Set.of(), ResourcePricers.defaults());
    }

    private static double total(TemplatePricing p) {
        return p.getCharges().stream().mapToDouble(Charge::getMonthlyUsd).sum();
    }

    private static Charge charge(TemplatePricing p, String descriptionPart) {
        return p.getCharges().stream().filter(c -> c.getDescription().contains(descriptionPart)).findFirst()
                .orElseThrow(() -> new AssertionError("no charge '" + descriptionPart + "' in " + p.getCharges()));
    }

    @Test
    void nodegroup_whenDesiredSizeAndInstanceTypes_pricesNodesAtTheFirstTypeWithTheirDefaultDisk() {
        TemplatePricing p = price(Map.of("Nodes", res("AWS::EKS::Nodegroup", Map.of("InstanceTypes", List.of("m5.large", "m6i.large"),
                "ScalingConfig", Map.of("MinSize", 1, "DesiredSize", 3, "MaxSize", 6)))));

        assertEquals(3 * 0.096 * H, charge(p, "3 x m5.large (desired size)").getMonthlyUsd(), 1e-9);
        assertEquals(3 * 20 * 0.10, charge(p, "3 x 20 GB EBS gp2 (node root volume, EKS's default size").getMonthlyUsd(), 1e-9);
        assertTrue(p.getUnpriced().isEmpty(), p.getUnpriced().toString());
    }

    @Test
    void nodegroup_whenLaunchTemplateHasVolumesAndNoTypeGiven_pricesEksDefaultTypeAndTheTemplatesVolumes() {
        TemplatePricing p = price(Map.of(
                "Lt", res("AWS::EC2::LaunchTemplate", Map.of("LaunchTemplateData", Map.of("BlockDeviceMappings",
                        List.of(Map.of("DeviceName", "/dev/xvda", "Ebs", Map.of("VolumeSize", 50, "VolumeType", "gp3", "Encrypted", true)))))),
                "Nodes", res("AWS::EKS::Nodegroup", Map.of("LaunchTemplate", Map.of("Id", Map.of("Ref", "Lt"), "Version", "1"),
                        "ScalingConfig", Map.of("MinSize", 2, "MaxSize", 4)))));

        assertEquals(2 * 0.0416 * H, charge(p, "2 x t3.medium (minimum size, EKS's default type)").getMonthlyUsd(), 1e-9);
        assertEquals(2 * 50 * 0.08, charge(p, "2 x 50 GB EBS gp3").getMonthlyUsd(), 1e-9);
    }

    @Test
    void nodegroup_whenLaunchTemplateNamesTheType_pricesThatType() {
        TemplatePricing p = price(Map.of(
                "Lt", res("AWS::EC2::LaunchTemplate", Map.of("LaunchTemplateData", Map.of("InstanceType", "c5.large"))),
                "Nodes", res("AWS::EKS::Nodegroup", Map.of("LaunchTemplate", Map.of("Id", Map.of("Ref", "Lt")),
                        "ScalingConfig", Map.of("MinSize", 0, "DesiredSize", 1, "MaxSize", 2), "DiskSize", 40))));

        assertEquals(0.085 * H, charge(p, "1 x c5.large (desired size)").getMonthlyUsd(), 1e-9);
        assertEquals(40 * 0.10, charge(p, "1 x 40 GB EBS gp2 (node root volume; type assumed)").getMonthlyUsd(), 1e-9);
    }

    @Test
    void nodegroup_whenNoNodeRunsInStandby_isFree() {
        TemplatePricing p = price(Map.of("Nodes", res("AWS::EKS::Nodegroup", Map.of("InstanceTypes", List.of("m5.large"),
                "ScalingConfig", Map.of("MinSize", 0, "DesiredSize", 0, "MaxSize", 1)))));

        assertEquals(0, total(p));
        assertEquals("0 x m5.large (desired size 0: no node runs in standby)", p.getCharges().get(0).getDescription());
        assertTrue(p.getUnpriced().isEmpty(), p.getUnpriced().toString());
    }

    @Test
    void nodegroup_whenSpot_listsItUnpriced() {
        TemplatePricing p = price(Map.of("Nodes", res("AWS::EKS::Nodegroup", Map.of("CapacityType", "SPOT",
                "ScalingConfig", Map.of("DesiredSize", 2)))));

        assertEquals(List.of("Nodes (AWS::EKS::Nodegroup): Spot capacity: its price follows the Spot market"), p.getUnpriced());
    }

    @Test
    void nodegroup_whenSizesAreNotLiterals_listsItUnpriced() {
        TemplatePricing p = price(Map.of("Nodes", res("AWS::EKS::Nodegroup", Map.of("ScalingConfig", Map.of("DesiredSize",
                Map.of("Ref", "Size"))))));

        assertEquals(List.of("Nodes (AWS::EKS::Nodegroup): ScalingConfig DesiredSize and MinSize are not literals"), p.getUnpriced());
    }

    @Test
    void cluster_pricesTheControlPlaneHour() {
        TemplatePricing p = price(Map.of("Cluster", res("AWS::EKS::Cluster", Map.of("RoleArn", "arn:aws:iam::111111111111:role/eks"))));

        assertEquals(0.10 * H, charge(p, "EKS control plane (standard support) at $0.10/h").getMonthlyUsd(), 1e-9);
        assertEquals("https://aws.amazon.com/eks/pricing/, 2025-01", PRICES.sourceOf("us-east-1", "eks:cluster"));
        assertTrue(p.getUnpriced().isEmpty(), p.getUnpriced().toString());
    }
}

package io.github.drkit.apps.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Which health checks the disaster fails for a site the plan switches off: the endpoint checks guarding the site's
 * records, found through a calculated check's children, never the switch's own alarm check nor another site's.
 */
class DisasterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DeployedStack dnsStack() throws Exception {
        String resources = """
                {"OnpremEndpoint": {"Type": "AWS::Route53::HealthCheck", "Properties": {"HealthCheckConfig": {"Type": "HTTP", "IPAddress": "198.51.100.10"}}},
                 "OnpremSwitch": {"Type": "AWS::Route53::HealthCheck", "Properties": {"HealthCheckConfig": {"Type": "CLOUDWATCH_METRIC"}}},
                 "OnpremSite": {"Type": "AWS::Route53::HealthCheck", "Properties": {"HealthCheckConfig": {"Type": "CALCULATED",
                     "ChildHealthChecks": [{"Ref": "OnpremEndpoint"}, {"Ref": "OnpremSwitch"}], "HealthThreshold": 2}}},
                 "OnpremRecord": {"Type": "AWS::Route53::RecordSet", "Properties": {"SetIdentifier": "onprem", "Weight": 50,
                     "HealthCheckId": {"Ref": "OnpremSite"}}},
                 "EastEndpoint": {"Type": "AWS::Route53::HealthCheck", "Properties": {"HealthCheckConfig": {"Type": "HTTPS"}}},
                 "EastRecord": {"Type": "AWS::Route53::RecordSet", "Properties": {"SetIdentifier": "east", "Weight": 25,
                     "HealthCheckId": {"Fn::GetAtt": ["EastEndpoint", "HealthCheckId"]}}}}
                """;
        AssemblyStack stack = new AssemblyStack("dns", "shop-dns", "111111111111", "us-east-1",
                JSON.readTree("{\"Resources\":" + resources + "}"), List.of(), null, "shop-dns");
        return new DeployedStack(stack, Map.of("OnpremEndpoint", "hc-onprem", "OnpremSwitch", "hc-switch", "OnpremSite", "hc-site",
                "EastEndpoint", "hc-east"), List.of(), List.of());
    }

    @Test
    void endpointChecksOfSites_whenSiteGuardedByCalculatedCheck_returnsItsEndpointChildOnly() throws Exception {
        assertEquals(List.of("hc-onprem"), Disaster.endpointChecksOfSites(dnsStack(), List.of("onprem")));
    }

    @Test
    void endpointChecksOfSites_whenRecordNamesItsCheckByAttribute_returnsIt() throws Exception {
        assertEquals(List.of("hc-east"), Disaster.endpointChecksOfSites(dnsStack(), List.of("east")));
    }

    @Test
    void endpointChecksOfSites_whenNoSiteSwitched_returnsNothing() throws Exception {
        assertEquals(List.of(), Disaster.endpointChecksOfSites(dnsStack(), List.of()));
    }
}

package io.github.drkit.runtime.readiness;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.engine.ReportJson;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * A node group that is not ACTIVE, from a recorded HTTP server answering DescribeNodegroup in EKS's wire format (the shape
 * the conformance suite holds the facade to): the emulator's node groups are ACTIVE from the start and stay so.
 */
class NodegroupReadinessWireTest {
    private WireMockServer eks;
    private AwsClients clients;
    private ReadinessEvaluator evaluator;

    @BeforeEach
    void setUp() {
        eks = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        eks.start();
        clients = AwsClients.builder().region(Region.of("us-west-2")).endpoint(URI.create(eks.baseUrl()))
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))).maxAttempts(1).build();
        evaluator = ReadinessEvaluator.builder(clients).build();
    }

    @AfterEach
    void tearDown() {
        evaluator.close();
        clients.close();
        eks.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DEGRADED", "UPDATING", "CREATE_FAILED"})
    void evaluate_whenTheNodegroupIsNotActive_isNotReadyNamingItsStatus(String status) {
        eks.stubFor(get(urlPathEqualTo("/clusters/shop/node-groups/workers")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"nodegroup": {"nodegroupName": "workers", "clusterName": "shop", "status": "%s",
                         "nodegroupArn": "arn:aws:eks:us-west-2:123456789012:nodegroup/shop/workers/0ac6f0a2-1b2c-4d5e-8f90-123456789abc",
                         "scalingConfig": {"minSize": 0, "maxSize": 2, "desiredSize": 0}, "capacityType": "ON_DEMAND",
                         "health": {"issues": [{"code": "AsgInstanceLaunchFailures", "message": "Could not launch On-Demand Instances"}]}}}"""
                        .formatted(status))));

        ReadinessReport report = evaluator.evaluate(RecoveryPlan.parse("""
                {"version": 2, "application": "shop", "strategy": "PILOT_LIGHT", "recoveryRegion": "us-west-2",
                 "stages": [{"name": "compute", "steps": [
                   {"kind": "scaleNodegroup", "clusterName": "shop", "nodegroupName": "workers",
                    "standby": {"min": 0, "desired": 0, "max": 2}, "recovery": {"min": 1, "desired": 2, "max": 4}}]}]}
                """), Objectives.none(), Duration.ofSeconds(30));

        assertEquals(Verdict.NOT_READY, report.verdict(), () -> ReportJson.write(report));
        Finding finding = report.findings().stream().filter(f -> f.path().equals("stages[0].steps[0]")).findFirst().orElseThrow();
        assertEquals(Severity.CRITICAL, finding.severity());
        assertTrue(finding.problem().startsWith("the node group is " + status + ", not ACTIVE (at 0/0/2): EKS refuses its scaling update"),
                finding.problem());
        assertTrue(finding.fix().contains("aws eks describe-nodegroup --region us-west-2 --cluster-name shop --nodegroup-name workers"),
                finding.fix());
    }
}

package io.github.drkit.runtime.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import io.github.drkit.runtime.engine.Parallel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.github.drkit.plan.DatabasePlan;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.Strategy;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.aws.CallLog;
import io.github.drkit.runtime.aws.Deadline;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The permissions check against a loopback server that answers SimulatePrincipalPolicy as IAM does: the emulator has no
 * policy simulator, so the check is verified at the wire level, with IAM's own answer shapes.
 */
class PermissionsReadinessTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/drkit-failover";
    private static final String DB = "arn:aws:rds:us-west-2:123456789012:db:orders";

    private HttpServer server;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile int status = 200;
    private volatile String answer;
    /** Answers given one per request before {@link #answer}, for a paged simulation. */
    private final java.util.Deque<String> pages = new java.util.concurrent.ConcurrentLinkedDeque<>();
    /** Statuses given one per request with {@link #pages}, before {@link #status}. */
    private final java.util.Deque<Integer> statuses = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private AwsClients aws;
    private Parallel pool;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                requests.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                String page = pages.poll();
                Integer pageStatus = statuses.poll();
                byte[] body = (page != null ? page : answer).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/xml");
                exchange.sendResponseHeaders(pageStatus != null ? pageStatus : status, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        aws = AwsClients.builder().region(Region.US_WEST_2).endpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))).maxAttempts(1).build();
        pool = new Parallel(2);
    }

    @AfterEach
    void stop() {
        pool.close();
        aws.close();
        server.stop(0);
    }

    private static RecoveryPlan plan() {
        return new RecoveryPlan(RecoveryPlan.CURRENT_VERSION, "shop", Strategy.PILOT_LIGHT, "us-east-1", "us-west-2",
                List.of(new DatabasePlan("us-west-2", "orders", "databases[0]")), List.of(), List.of(), List.of(), List.of(), 600, null);
    }

    private List<Finding> check(String roleArn) {
        RecoveryPlan plan = plan();
        ReadinessContext context = new ReadinessContext(plan, new io.github.drkit.runtime.engine.StepClients(aws), Objectives.declaredBy(plan), pool);
        return new CallLog(Deadline.after(Duration.ofSeconds(30))).bind(() -> new PermissionsReadiness(roleArn).check(plan.steps(), context));
    }

    private static String simulation(String... decisions) {
        String[] actions = {"rds:DescribeDBInstances", "rds:AddTagsToResource", "rds:PromoteReadReplica"};
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < decisions.length; i++) {
            members.append("<member><EvalActionName>").append(actions[i]).append("</EvalActionName><EvalResourceName>").append(DB)
                    .append("</EvalResourceName><EvalDecision>").append(decisions[i]).append("</EvalDecision></member>");
        }
        return "<SimulatePrincipalPolicyResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><SimulatePrincipalPolicyResult>"
                + "<IsTruncated>false</IsTruncated><EvaluationResults>" + members + "</EvaluationResults></SimulatePrincipalPolicyResult>"
                + "<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></SimulatePrincipalPolicyResponse>";
    }

    @Test
    void check_whenEveryCallAllowed_findsNothingInOneSimulation() {
        answer = simulation("allowed", "allowed", "allowed");

        assertEquals(List.of(), check(ROLE));
        assertEquals(1, requests.size());
        String form = requests.get(0);
        assertTrue(form.contains("Action=SimulatePrincipalPolicy"), form);
        assertTrue(form.contains("PolicySourceArn=" + java.net.URLEncoder.encode(ROLE, StandardCharsets.UTF_8)), form);
        assertTrue(form.contains("ActionNames.member.3=rds%3APromoteReadReplica"), form);
        assertTrue(form.contains("ResourceArns.member.1=" + java.net.URLEncoder.encode(DB, StandardCharsets.UTF_8)), form);
    }

    @Test
    void check_whenOneCallImplicitlyDenied_isCriticalNamingActionResourceStepAndFix() {
        answer = simulation("allowed", "allowed", "implicitDeny");

        List<Finding> findings = check(ROLE);

        assertEquals(1, findings.size(), findings.toString());
        Finding denied = findings.get(0);
        assertEquals(Severity.CRITICAL, denied.severity());
        assertEquals(Finding.Category.PERMISSION, denied.category());
        assertEquals("databases[0]", denied.path());
        assertEquals(DB, denied.resource());
        assertTrue(denied.problem().contains("rds:PromoteReadReplica") && denied.problem().contains("implicitDeny"), denied.problem());
        assertEquals("grant rds:PromoteReadReplica on " + DB + " to " + ROLE + ", or redeploy the stack", denied.fix());
    }

    @Test
    void check_whenAnswerTruncated_readsTheNextPageWithItsMarker() {
        pages.add(simulation("allowed", "allowed").replace("<IsTruncated>false</IsTruncated>",
                "<IsTruncated>true</IsTruncated><Marker>page-2</Marker>"));
        answer = "<SimulatePrincipalPolicyResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><SimulatePrincipalPolicyResult>"
                + "<IsTruncated>false</IsTruncated><EvaluationResults><member><EvalActionName>rds:PromoteReadReplica</EvalActionName>"
                + "<EvalResourceName>" + DB + "</EvalResourceName><EvalDecision>explicitDeny</EvalDecision></member></EvaluationResults>"
                + "</SimulatePrincipalPolicyResult></SimulatePrincipalPolicyResponse>";

        List<Finding> findings = check(ROLE);

        assertEquals(2, requests.size());
        assertTrue(requests.get(1).contains("Marker=page-2"), requests.get(1));
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).problem().contains("rds:PromoteReadReplica") && findings.get(0).problem().contains("explicitDeny"),
                findings.get(0).problem());
    }

    @Test
    void check_whenSimulationRefused_warnsThatTheCheckCouldNotRun() {
        status = 403;
        answer = "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>AccessDenied</Code>"
                + "<Message>not authorized to perform: iam:SimulatePrincipalPolicy</Message></Error><RequestId>req-2</RequestId></ErrorResponse>";

        List<Finding> findings = check(ROLE);

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertEquals(Finding.Category.UNCHECKED, findings.get(0).category());
        assertTrue(findings.get(0).problem().contains("could not be checked") && findings.get(0).problem().contains("AccessDenied"),
                findings.get(0).problem());
    }

    @Test
    void check_whenALaterSimulationFails_keepsTheDenialsFoundSoFarAndStops() {
        pages.add(simulation("implicitDeny"));
        statuses.add(200);
        status = 400;
        answer = "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>Throttling</Code>"
                + "<Message>Rate exceeded</Message></Error><RequestId>req-3</RequestId></ErrorResponse>";

        List<Finding> findings = checkPlan(fleetAndDns(""));

        assertEquals(2, requests.size(), "no simulation after the one that failed: " + requests);
        assertEquals(List.of(Severity.CRITICAL, Severity.WARNING), findings.stream().map(Finding::severity).toList(), findings::toString);
        assertTrue(findings.get(0).problem().contains("rds:DescribeDBInstances") && findings.get(0).problem().contains("implicitDeny"),
                findings.get(0).problem());
        assertEquals(Finding.Category.UNCHECKED, findings.get(1).category());
        assertTrue(findings.get(1).problem().contains("could not be checked") && findings.get(1).problem().contains("Rate exceeded"),
                findings.get(1).problem());
    }

    private List<Finding> checkPlan(RecoveryPlan plan) {
        ReadinessContext context = new ReadinessContext(plan, new io.github.drkit.runtime.engine.StepClients(aws), Objectives.declaredBy(plan), pool);
        return new CallLog(Deadline.after(Duration.ofSeconds(30))).bind(() -> new PermissionsReadiness(ROLE).check(plan.steps(), context));
    }

    private static final String ALLOWED = "<SimulatePrincipalPolicyResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
            + "<SimulatePrincipalPolicyResult><IsTruncated>false</IsTruncated><EvaluationResults/></SimulatePrincipalPolicyResult>"
            + "</SimulatePrincipalPolicyResponse>";

    private static RecoveryPlan fleetAndDns(String assumeRole) {
        return RecoveryPlan.parse("""
                {"version": 2, "application": "shop", "strategy": "WARM_STANDBY", "recoveryRegion": "us-west-2",
                 "stages": [
                   {"name": "compute", "steps": [
                     {"kind": "scaleFleet", "autoScalingGroupName": "web", "standby": {"min": 1, "desired": 1, "max": 2},
                      "recovery": {"min": 2, "desired": 4, "max": 8}%s}]},
                   {"name": "traffic", "steps": [
                     {"kind": "changeDns", "hostedZoneId": "Z1", "records": [
                       {"routing": "WEIGHTED", "name": "app.example.com", "type": "A", "setIdentifier": "primary", "normalWeight": 100, "failoverWeight": 0},
                       {"routing": "WEIGHTED", "name": "app.example.com", "type": "A", "setIdentifier": "recovery", "normalWeight": 0, "failoverWeight": 100}]}]}]}
                """.formatted(assumeRole));
    }

    private String simulated(String action) {
        String member = "=" + java.net.URLEncoder.encode(action, StandardCharsets.UTF_8);
        return requests.stream().filter(form -> form.contains(member)).findFirst().orElse(null);
    }

    @Test
    void check_whenFleetAndDns_simulatesTheGroupUpdateTheChangeAndTheHealthCheckOnTheirResources() {
        answer = ALLOWED;

        List<Finding> findings = checkPlan(fleetAndDns(""));

        String update = simulated("autoscaling:UpdateAutoScalingGroup");
        assertTrue(update != null && update.contains(java.net.URLEncoder.encode(
                "arn:aws:autoscaling:us-west-2:123456789012:autoScalingGroup:*:autoScalingGroupName/web", StandardCharsets.UTF_8)), requests::toString);
        assertTrue(simulated("route53:GetChange").contains(java.net.URLEncoder.encode("arn:aws:route53:::change/*", StandardCharsets.UTF_8)));
        assertTrue(simulated("route53:GetHealthCheckStatus").contains(java.net.URLEncoder.encode("arn:aws:route53:::healthcheck/*",
                StandardCharsets.UTF_8)));
        assertEquals(List.of(), findings, "every scope of the fleet and DNS kinds is named now: nothing left unchecked");
    }

    @Test
    void check_whenStepIsInAnotherAccount_simulatesAssumingItsRoleNotTheStepsOwnCalls() {
        answer = ALLOWED;
        String workload = "arn:aws:iam::222222222222:role/drkit-shop-workload";

        List<Finding> findings = checkPlan(fleetAndDns(", \"assumeRole\": {\"roleArn\": \"" + workload + "\"}"));

        String assume = simulated("sts:AssumeRole");
        assertTrue(assume != null && assume.contains("ActionNames.member.2=sts%3ATagSession")
                && assume.contains("ResourceArns.member.1=" + java.net.URLEncoder.encode(workload, StandardCharsets.UTF_8)), requests::toString);
        assertEquals(null, simulated("autoscaling:UpdateAutoScalingGroup"), "the fleet's calls are the workload role's, not the function's");
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Severity.INFO, findings.get(0).severity());
        assertEquals("stages[0].steps[0]", findings.get(0).path());
        assertTrue(findings.get(0).problem().startsWith("not simulated: the calls of stages[0].steps[0] are made as " + workload), findings.get(0).problem());
    }

    @Test
    void check_whenNoRoleArn_saysNotCheckedWithoutAnyCall() {
        List<Finding> findings = check(null);

        assertEquals(1, findings.size());
        assertEquals(Severity.INFO, findings.get(0).severity());
        assertTrue(findings.get(0).problem().startsWith("not checked: no role ARN"), findings.get(0).problem());
        assertEquals(List.of(), requests);
    }
}

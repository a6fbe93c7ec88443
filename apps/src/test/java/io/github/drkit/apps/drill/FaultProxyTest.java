package io.github.drkit.apps.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The proxy against a loopback upstream that echoes what it received. */
class FaultProxyTest {
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=111111111111/20261125/%s/%s/aws4_request, "
            + "SignedHeaders=host, Signature=0";

    private HttpServer upstream;
    private FaultProxy proxy;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        upstream.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            byte[] answer = ("echo " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("x-amzn-RequestId", "upstream");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        upstream.start();
        proxy = FaultProxy.start(URI.create("http://127.0.0.1:" + upstream.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        proxy.close();
        upstream.stop(0);
    }

    @Test
    void forward_whenNoFault_passesRequestAndAnswerThroughAndRecordsTheCall() throws Exception {
        HttpResponse<String> r = query("us-west-2", "autoscaling", "Action=UpdateAutoScalingGroup&Version=2011-01-01");
        assertEquals(200, r.statusCode());
        assertEquals("echo POST / Action=UpdateAutoScalingGroup&Version=2011-01-01", r.body());
        assertEquals("upstream", r.headers().firstValue("x-amzn-RequestId").orElse(null));
        ApiCall call = proxy.calls().get(0);
        assertEquals("autoscaling:UpdateAutoScalingGroup", call.operation());
        assertEquals("us-west-2", call.region());
        assertEquals(200, call.status());
        assertNull(call.injected());
    }

    @Test
    void forward_whenFaultArmed_answersItForTheNextNCallsOnly() throws Exception {
        proxy.arm(List.of(Fault.parse("autoscaling:UpdateAutoScalingGroup@us-west-2=503x2")));
        int mark = proxy.mark();
        HttpResponse<String> first = query("us-west-2", "autoscaling", "Action=UpdateAutoScalingGroup");
        assertEquals(503, first.statusCode());
        assertTrue(first.body().contains("<Code>ServiceUnavailable</Code>"), first.body());
        assertEquals(200, query("us-east-1", "autoscaling", "Action=UpdateAutoScalingGroup").statusCode(), "other Region untouched");
        assertEquals(200, query("us-west-2", "autoscaling", "Action=DescribeAutoScalingGroups").statusCode(), "other action untouched");
        assertEquals(503, query("us-west-2", "autoscaling", "Action=UpdateAutoScalingGroup").statusCode());
        assertEquals(200, query("us-west-2", "autoscaling", "Action=UpdateAutoScalingGroup").statusCode(), "two calls, then through");
        assertEquals(List.of("ServiceUnavailable", "ServiceUnavailable"), proxy.callsSince(mark).stream()
                .map(ApiCall::injected).filter(java.util.Objects::nonNull).toList());
    }

    @Test
    void forward_whenThrottlingAJsonService_answersInTheJsonShape() throws Exception {
        proxy.arm(List.of(Fault.parse("ssm:GetParameter=throttle")));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(proxy.endpoint().resolve("/"))
                .header("Authorization", String.format(AUTH, "us-east-1", "ssm"))
                .header("X-Amz-Target", "AmazonSSM.GetParameter")
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"Name\":\"/p\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode());
        assertEquals("{\"__type\":\"Throttling\",\"message\":\"Rate exceeded\"}", r.body());
        assertEquals("ssm:GetParameter", proxy.calls().get(0).operation());
    }

    @Test
    void forward_whenFaultOnAJson10Service_answersInJson10() throws Exception {
        proxy.arm(List.of(Fault.parse("monitoring:PutMetricData=503")));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(proxy.endpoint().resolve("/"))
                .header("Authorization", String.format(AUTH, "us-east-1", "monitoring"))
                .header("X-Amz-Target", "GraniteServiceVersion20100801.PutMetricData")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{\"Namespace\":\"drkit\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(503, r.statusCode());
        assertEquals("application/x-amz-json-1.0", r.headers().firstValue("Content-Type").orElse(null));
        assertEquals("{\"__type\":\"ServiceUnavailable\",\"message\":\"Service is unavailable. Please try again.\"}", r.body());
        assertEquals("monitoring:PutMetricData", proxy.calls().get(0).operation());
    }

    @Test
    void disarm_whenArmed_letsEveryCallThrough() throws Exception {
        proxy.arm(List.of(Fault.parse("autoscaling:UpdateAutoScalingGroup=500x5")));
        proxy.disarm();
        assertEquals(200, query("us-west-2", "autoscaling", "Action=UpdateAutoScalingGroup").statusCode());
    }

    @Test
    void restOperation_whenRoute53Paths_namesTheOperation() {
        assertEquals("ChangeResourceRecordSets", FaultProxy.restOperation("route53", "POST", "/2013-04-01/hostedzone/Z1/rrset/"));
        assertEquals("ListResourceRecordSets", FaultProxy.restOperation("route53", "GET", "/2013-04-01/hostedzone/Z1/rrset"));
        assertEquals("UpdateHealthCheck", FaultProxy.restOperation("route53", "POST", "/2013-04-01/healthcheck/abc"));
        assertEquals("GetHealthCheckStatus", FaultProxy.restOperation("route53", "GET", "/2013-04-01/healthcheck/abc/status"));
        assertEquals("GetChange", FaultProxy.restOperation("route53", "GET", "/2013-04-01/change/C1"));
        assertEquals("GetFunctionConfiguration", FaultProxy.restOperation("lambda", "GET", "/2015-03-31/functions/f/configuration"));
        assertEquals("PutObject", FaultProxy.restOperation("s3", "PUT", "/bucket/key.zip"));
    }

    private HttpResponse<String> query(String region, String service, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(proxy.endpoint().resolve("/"))
                .header("Authorization", String.format(AUTH, region, service))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

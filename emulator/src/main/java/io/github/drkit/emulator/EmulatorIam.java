package io.github.drkit.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Runs code under an IAM role that {@code moto_server} enforces.
 *
 * <p>What moto 5.2.1 enforces, read from its source and checked by {@code EmulatorIamTest}: once enforcement is on
 * ({@code INITIAL_NO_AUTH_ACTION_COUNT}, or {@code POST /moto-api/reset-auth} as {@link #enforce()} does), every
 * request must be signed by an IAM user's access key or an {@code AssumeRole} session, and the action
 * ({@code service:Operation}) must be allowed by one of the identity's policies. It matches the action only: it
 * evaluates every request against the resource {@code "*"} (IAM, STS and SQS aside), so a statement scoped to
 * resource ARNs never matches, and it passes every condition, since it collects no condition keys for a request.
 * Implicit checks (Auto Scaling's {@code ec2:RunInstances} on a launch template change, {@code iam:PassRole}) and
 * KMS key policies are not evaluated at all. It also names an action by the request's signing name, which for
 * CloudWatch is {@code monitoring}: it checks {@code monitoring:PutMetricData} where AWS checks
 * {@code cloudwatch:PutMetricData}, and Lambda's {@code Invoke} by its operation name, {@code lambda:Invoke}, where AWS checks
 * {@code lambda:InvokeFunction}. {@link #actionView(String)} therefore rewrites a policy into what moto can
 * evaluate: the same actions on {@code "*"}, without conditions, each CloudWatch action and Lambda's invoke under both names.
 */
public final class EmulatorIam {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * moto answers GetRolePolicy for a policy that CloudFormation gave a role ({@code Policies}) with the document
     * as Python writes a dict: single quotes. Read leniently; written back as JSON.
     */
    private static final ObjectMapper LENIENT = JsonMapper.builder().enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();
    /** IAM and STS are global in the emulator; any Region signs their calls. */
    private static final Region GLOBAL = Region.US_EAST_1;

    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private EmulatorIam(URI endpoint) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    /** The emulator at {@code endpoint}; it must be {@code moto_server} (the {@code /moto-api} paths). */
    public static EmulatorIam of(URI endpoint) {
        return new EmulatorIam(endpoint);
    }

    /** Every request from now on needs a known identity allowed to make it. */
    public void enforce() {
        resetAuth("0");
    }

    /** Back to the emulator's default: any request with any credentials. */
    public void relax() {
        resetAuth("inf");
    }

    /** Runs {@code work} with IAM enforced, and relaxes it after, whatever the outcome. */
    public <T> T enforcing(Supplier<T> work) {
        enforce();
        try {
            return work.get();
        } finally {
            relax();
        }
    }

    /**
     * Creates a role allowed exactly {@code actions} (on {@code "*"}, all moto can evaluate; none when empty) and
     * returns its ARN.
     * Must run while IAM is relaxed, or with {@code caller} allowed to create roles.
     */
    public String createRole(AwsCredentialsProvider caller, String roleName, Collection<String> actions) {
        ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17");
        ObjectNode statement = policy.putArray("Statement").addObject().put("Effect", "Allow").put("Resource", "*");
        ArrayNode list = statement.putArray("Action");
        emulatorNames(actions).forEach(list::add);
        try (IamClient iam = iam(caller)) {
            String arn = iam.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(trustAccount(caller))).role().arn();
            if (!actions.isEmpty()) {
                iam.putRolePolicy(r -> r.roleName(roleName).policyName("Actions").policyDocument(policy.toString()));
            }
            return arn;
        }
    }

    /**
     * Rewrites every inline policy of a deployed role into its {@link #actionView action view}, so that the emulator
     * enforces the actions the role grants; returns those actions, sorted. Managed policies are left out: the failover
     * role carries inline policies only, and moto's CloudFormation does not attach AWS managed policies.
     */
    public List<String> enforceActionsOf(AwsCredentialsProvider caller, String roleName) {
        TreeSet<String> granted = new TreeSet<>();
        try (IamClient iam = iam(caller)) {
            List<String> names = iam.listRolePolicies(r -> r.roleName(roleName)).policyNames();
            if (names.isEmpty()) {
                throw new IllegalStateException("role " + roleName + " has no inline policy in the emulator; nothing to enforce");
            }
            for (String name : names) {
                String document = decode(iam.getRolePolicy(r -> r.roleName(roleName).policyName(name)).policyDocument());
                String view = actionView(document);
                granted.addAll(allowedActions(document));
                iam.putRolePolicy(r -> r.roleName(roleName).policyName(name).policyDocument(view));
            }
        }
        return List.copyOf(granted);
    }

    /** Starts a session of the role; must run while IAM is relaxed (moto cannot evaluate service-principal trust). */
    public AwsCredentialsProvider assume(AwsCredentialsProvider caller, String roleArn, String sessionName) {
        try (StsClient sts = StsClient.builder().endpointOverride(endpoint).region(GLOBAL).credentialsProvider(caller)
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            Credentials c = sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName(sessionName)).credentials();
            return StaticCredentialsProvider.create(AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
        }
    }

    /**
     * The policy as moto can evaluate it: each Allow statement keeps its actions, on resource {@code "*"}, without
     * conditions. Deny statements are kept as written.
     */
    public static String actionView(String policyDocument) {
        try {
            JsonNode policy = LENIENT.readTree(policyDocument);
            ObjectNode out = JSON.createObjectNode().put("Version", policy.path("Version").asText("2012-10-17"));
            ArrayNode statements = out.putArray("Statement");
            for (JsonNode statement : statementsOf(policy)) {
                if (!"Allow".equals(statement.path("Effect").asText())) {
                    statements.add(statement);
                    continue;
                }
                ObjectNode copy = ((ObjectNode) statement).deepCopy();
                List<String> actions = new ArrayList<>();
                JsonNode action = statement.path("Action");
                if (action.isArray()) {
                    action.forEach(a -> actions.add(a.asText()));
                } else if (action.isTextual()) {
                    actions.add(action.asText());
                }
                if (!actions.isEmpty()) {
                    ArrayNode list = copy.putArray("Action");
                    emulatorNames(actions).forEach(list::add);
                }
                copy.remove("Condition");
                copy.remove("NotResource");
                copy.put("Resource", "*");
                statements.add(copy);
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("not a policy document: " + policyDocument, e);
        }
    }

    /** The actions the Allow statements of a policy name. */
    public static List<String> allowedActions(String policyDocument) {
        try {
            List<String> actions = new ArrayList<>();
            for (JsonNode statement : statementsOf(LENIENT.readTree(policyDocument))) {
                if ("Allow".equals(statement.path("Effect").asText())) {
                    JsonNode action = statement.path("Action");
                    if (action.isArray()) {
                        action.forEach(a -> actions.add(a.asText()));
                    } else if (action.isTextual()) {
                        actions.add(action.asText());
                    }
                }
            }
            return actions;
        } catch (IOException e) {
            throw new UncheckedIOException("not a policy document: " + policyDocument, e);
        }
    }

    /**
     * The actions, and each CloudWatch action again under the name the emulator checks ({@code monitoring:}), and
     * {@code lambda:InvokeFunction} again as {@code lambda:Invoke}: moto names an action by the operation, and Lambda's
     * operation {@code Invoke} is authorized by AWS as {@code lambda:InvokeFunction}.
     */
    static List<String> emulatorNames(Collection<String> actions) {
        TreeSet<String> out = new TreeSet<>(actions);
        for (String action : actions) {
            if (action.startsWith("cloudwatch:")) {
                out.add("monitoring:" + action.substring("cloudwatch:".length()));
            }
            if (action.equals("lambda:InvokeFunction")) {
                out.add("lambda:Invoke");
            }
        }
        return List.copyOf(out);
    }

    private static List<JsonNode> statementsOf(JsonNode policy) {
        JsonNode statement = policy.path("Statement");
        List<JsonNode> out = new ArrayList<>();
        if (statement.isArray()) {
            statement.forEach(out::add);
        } else if (statement.isObject()) {
            out.add(statement);
        }
        return out;
    }

    /** IAM answers policy documents URL-encoded. */
    private static String decode(String document) {
        return document.trim().startsWith("{") ? document : URLDecoder.decode(document, StandardCharsets.UTF_8);
    }

    private static String trustAccount(AwsCredentialsProvider caller) {
        String key = caller.resolveCredentials().accessKeyId();
        String account = key.matches("\\d{12}") ? key : "123456789012";
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + account
                + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
    }

    private IamClient iam(AwsCredentialsProvider caller) {
        return IamClient.builder().endpointOverride(endpoint).region(Region.AWS_GLOBAL).credentialsProvider(caller)
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private void resetAuth(String count) {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset-auth")).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(count)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("the emulator at " + endpoint + " did not answer /moto-api/reset-auth", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the emulator", e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the emulator at " + endpoint + " cannot enforce IAM: /moto-api/reset-auth answered HTTP "
                    + response.statusCode() + " (it must be moto_server)");
        }
    }
}

package io.github.drkit.apps.drill;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackResource;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Deploys synthesized stacks into the emulator through the CloudFormation API, and deletes them again.
 *
 * <p>Before a stack is created the drill does what {@code cdk bootstrap} and {@code cdk deploy} would: it
 * writes the bootstrap version parameter the template's rule checks, and publishes the stack's file
 * assets to the bootstrap bucket. It then adapts the template only where the emulator cannot take it as
 * synthesized, and records every such change in the report.
 */
public final class StackDeployer {
    /** The SSM parameter CDK's bootstrap-version rule reads (default qualifier). */
    static final String BOOTSTRAP_VERSION_PARAMETER = "/cdk-bootstrap/hnb659fds/version";
    /** A bootstrap version recent enough for every rule CDK 2.x synthesizes. */
    static final String BOOTSTRAP_VERSION = "30";

    /**
     * Canonical hosted zone ids of Application Load Balancers, by Region (Elastic Load Balancing endpoints
     * and quotas, AWS General Reference). moto 5.2.1 leaves {@code Fn::GetAtt CanonicalHostedZoneID}
     * unresolved, so the drill writes the value in.
     */
    static final Map<String, String> ALB_HOSTED_ZONES = Map.ofEntries(
            Map.entry("us-east-1", "Z35SXDOTRQ7X7K"), Map.entry("us-east-2", "Z3AADJGX6KTTL2"),
            Map.entry("us-west-1", "Z368ELLRRE2KJ0"), Map.entry("us-west-2", "Z1H1FL5HABSF5"),
            Map.entry("eu-west-1", "Z32O12XQLNTSW2"), Map.entry("eu-central-1", "Z215JYRZR1TBD5"),
            Map.entry("eu-west-2", "ZHURV8PSTC4K8"), Map.entry("ap-southeast-1", "Z1LMS91P8CMLE5"),
            Map.entry("ap-southeast-2", "Z1GM3OXH4ZPM65"), Map.entry("ap-northeast-1", "Z14GRHDCWA56QT"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(250);

    private final DrillClients clients;
    private final Duration stackTimeout;
    private final Set<String> bootstrapped = ConcurrentHashMap.newKeySet();
    /** bucket/key of every asset already uploaded: keys are content hashes, so one upload serves every stack. */
    private final Set<String> published = ConcurrentHashMap.newKeySet();

    private final Path emulatorLog;

    /** @param emulatorLog the emulator's log when the drill started it, so that an error inside it can be quoted; or null */
    public StackDeployer(DrillClients clients, Duration stackTimeout, Path emulatorLog) {
        this.clients = clients;
        this.stackTimeout = stackTimeout;
        this.emulatorLog = emulatorLog;
    }

    /** The last error the emulator logged, e.g. "IndexError: list index out of range", as a report suffix. */
    private String emulatorError() {
        if (emulatorLog == null) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(emulatorLog, java.nio.charset.StandardCharsets.ISO_8859_1);
            String where = null;
            for (int i = lines.size() - 1; i >= 0; i--) {
                String line = lines.get(i);
                if (where == null && line.matches("^[A-Za-z.]*(Error|Exception)\\b.*")) {
                    where = line;
                    for (int j = i - 1; j >= 0 && j > i - 40; j--) {
                        if (lines.get(j).contains("site-packages/moto/") && !lines.get(j).contains("/core/")) {
                            where = where + " at " + lines.get(j).trim().replaceAll(".*site-packages/", "");
                            break;
                        }
                    }
                    return "; the emulator logged: " + where + " (" + emulatorLog + ")";
                }
            }
            return "; see the emulator's log " + emulatorLog;
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Creates a stack and waits until the emulator says it is complete.
     *
     * @throws DrillException naming the stack, its status and the resources that failed or never finished
     */
    public DeployedStack deploy(AssemblyStack stack) {
        bootstrap(stack.account(), stack.region());
        publishAssets(stack);
        List<String> adaptations = new ArrayList<>();
        ObjectNode template = adapt(stack, adaptations);
        CloudFormationClient cfn = clients.cloudFormation(stack.region());
        try {
            cfn.createStack(b -> b.stackName(stack.stackName())
                    .templateBody(template.toString())
                    .capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM, Capability.CAPABILITY_AUTO_EXPAND));
        } catch (CloudFormationException e) {
            String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
            throw new DrillException("the emulator refused stack " + stack.stackName() + " in " + stack.region() + ": "
                    + (message != null ? message : "HTTP " + e.statusCode() + " from inside the emulator's CloudFormation"
                    + emulatorError()));
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw new DrillException("the emulator failed while creating stack " + stack.stackName() + " in " + stack.region()
                    + " (an error inside the emulator's CloudFormation, often a resource type or attribute it does not "
                    + "support; its log has the traceback): " + e.getMessage() + emulatorError());
        }
        Stack created = await(cfn, stack, "CREATE");
        if (created.stackStatus() != StackStatus.CREATE_COMPLETE) {
            throw new DrillException("stack " + stack.stackName() + " in " + stack.region() + " ended " + created.stackStatusAsString()
                    + (created.stackStatusReason() == null ? "" : ": " + created.stackStatusReason())
                    + failedResources(cfn, stack.stackName()));
        }
        Map<String, String> physical = new LinkedHashMap<>();
        for (StackResource r : cfn.describeStackResources(b -> b.stackName(stack.stackName())).stackResources()) {
            // moto lists the resources it skipped without a logical id; they are found below from the template.
            if (r.logicalResourceId() != null) {
                physical.put(r.logicalResourceId(), r.physicalResourceId() == null ? "" : r.physicalResourceId());
            }
        }
        List<String> skipped = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = stack.resources().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            String type = r.getValue().path("Type").asText();
            if (!physical.containsKey(r.getKey()) && !"AWS::CDK::Metadata".equals(type)) {
                skipped.add(r.getKey() + " (" + type + ")");
            }
        }
        return new DeployedStack(stack, physical, skipped, adaptations);
    }

    /** Deletes a stack and waits until it is gone; returns a problem to report, or null when it went cleanly. */
    public String delete(AssemblyStack stack) {
        CloudFormationClient cfn = clients.cloudFormation(stack.region());
        try {
            cfn.deleteStack(b -> b.stackName(stack.stackName()));
            Stack s = await(cfn, stack, "DELETE");
            return s == null || s.stackStatus() == StackStatus.DELETE_COMPLETE ? null
                    : stack.stackName() + " ended " + s.stackStatusAsString() + (s.stackStatusReason() == null ? "" : ": " + s.stackStatusReason());
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            return stack.stackName() + " could not be deleted: " + e.getMessage();
        }
    }

    private Stack await(CloudFormationClient cfn, AssemblyStack stack, String operation) {
        Instant deadline = Instant.now().plus(stackTimeout);
        while (true) {
            Stack s;
            try {
                List<Stack> found = cfn.describeStacks(b -> b.stackName(stack.stackName())).stacks();
                if (found.isEmpty()) {
                    return null;
                }
                s = found.get(0);
            } catch (CloudFormationException e) {
                if (operation.equals("DELETE") && e.statusCode() == 400) {
                    return null;
                }
                throw e;
            }
            if (!s.stackStatusAsString().endsWith("_IN_PROGRESS")) {
                return s;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new DrillException("stack " + stack.stackName() + " in " + stack.region() + " was still "
                        + s.stackStatusAsString() + " after " + stackTimeout.toSeconds() + " s" + pendingResources(cfn, stack.stackName())
                        + ". Custom resources never finish in moto, which cannot invoke their Lambda handlers without Docker");
            }
            Sleep.quietly(POLL);
        }
    }

    private static String failedResources(CloudFormationClient cfn, String stackName) {
        try {
            List<String> failed = cfn.describeStackResources(b -> b.stackName(stackName)).stackResources().stream()
                    .filter(r -> r.resourceStatusAsString() != null && r.resourceStatusAsString().endsWith("FAILED"))
                    .map(r -> r.logicalResourceId() + " (" + r.resourceType() + "): " + r.resourceStatusReason())
                    .toList();
            return failed.isEmpty() ? "" : "; failed: " + String.join("; ", failed);
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String pendingResources(CloudFormationClient cfn, String stackName) {
        try {
            List<String> pending = cfn.describeStackResources(b -> b.stackName(stackName)).stackResources().stream()
                    .filter(r -> r.resourceStatusAsString() != null && r.resourceStatusAsString().endsWith("IN_PROGRESS"))
                    .map(r -> r.logicalResourceId() + " (" + r.resourceType() + ")")
                    .toList();
            return pending.isEmpty() ? "" : "; still in progress: " + String.join(", ", pending);
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** What {@code cdk bootstrap} leaves behind that a deploy reads: the version parameter and the asset bucket. */
    private void bootstrap(String account, String region) {
        if (!bootstrapped.add(account + "/" + region)) {
            return;
        }
        clients.ssm(region).putParameter(b -> b.name(BOOTSTRAP_VERSION_PARAMETER).value(BOOTSTRAP_VERSION)
                .type(ParameterType.STRING).overwrite(true));
    }

    private void publishAssets(AssemblyStack stack) {
        if (stack.assetManifest() == null) {
            return;
        }
        JsonNode manifest = CloudAssembly.readJson(stack.assetManifest());
        Path root = stack.assetManifest().getParent();
        for (Iterator<Map.Entry<String, JsonNode>> it = manifest.path("files").fields(); it.hasNext(); ) {
            JsonNode asset = it.next().getValue();
            String sourcePath = asset.path("source").path("path").asText();
            if (sourcePath.endsWith(".template.json")) {
                continue; // the drill sends templates in the CreateStack call itself
            }
            byte[] bytes = null;
            for (JsonNode destination : asset.path("destinations")) {
                String region = destination.path("region").asText(stack.region());
                String bucket = substitute(destination.path("bucketName").asText(), stack.account(), region);
                String key = destination.path("objectKey").asText();
                if (!published.add(bucket + "/" + key)) {
                    continue;
                }
                if (bytes == null) {
                    bytes = read(root.resolve(sourcePath), "zip".equals(asset.path("source").path("packaging").asText()));
                }
                byte[] body = bytes;
                S3Client s3 = clients.s3(region);
                ensureBucket(s3, bucket, region);
                s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(body));
            }
        }
    }

    private static void ensureBucket(S3Client s3, String bucket, String region) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (S3Exception missing) {
            if (region.equals("us-east-1")) {
                s3.createBucket(b -> b.bucket(bucket));
            } else {
                s3.createBucket(b -> b.bucket(bucket).createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(region))));
            }
        }
    }

    private static String substitute(String value, String account, String region) {
        return value.replace("${AWS::AccountId}", account).replace("${AWS::Region}", region).replace("${AWS::Partition}", "aws");
    }

    private static byte[] read(Path source, boolean zipDirectory) {
        try {
            if (!zipDirectory || !Files.isDirectory(source)) {
                return Files.readAllBytes(source);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(source)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    zip.putNextEntry(new ZipEntry(source.relativize(file).toString().replace('\\', '/')));
                    zip.write(Files.readAllBytes(file));
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("DrillCommand: unreadable asset " + source, e);
        }
    }

    /** The template, changed only where moto 5.2.1 cannot take it as synthesized; each change is recorded. */
    static ObjectNode adapt(AssemblyStack stack, List<String> adaptations) {
        ObjectNode template = stack.template().deepCopy();
        JsonNode resources = template.path("Resources");
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            JsonNode props = r.getValue().path("Properties");
            if ("AWS::SSM::Parameter".equals(r.getValue().path("Type").asText()) && props.isObject() && !props.has("Name")) {
                String name = "/drkit-drill/" + stack.stackName() + "/" + r.getKey();
                ((ObjectNode) props).put("Name", name);
                adaptations.add(r.getKey() + " (AWS::SSM::Parameter): named " + name
                        + " (moto 5.2.1 fails on a parameter without a Name; CloudFormation would generate one)");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            JsonNode props = r.getValue().path("Properties");
            JsonNode join = props.path("LogDestination").path("Fn::Join");
            if ("AWS::EC2::FlowLog".equals(r.getValue().path("Type").asText()) && "s3".equals(props.path("LogDestinationType").asText())
                    && join.isArray() && join.size() == 2 && join.get(1).isArray() && join.get(1).size() == 2
                    && join.get(1).get(1).isTextual() && join.get(1).get(1).asText().startsWith("/")) {
                ((ObjectNode) props).set("LogDestination", join.get(1).get(0));
                adaptations.add(r.getKey() + " (AWS::EC2::FlowLog): S3 destination without its key prefix '" + join.get(1).get(1).asText()
                        + "' (moto 5.2.1 takes the prefix for part of the bucket name and fails CreateStack)");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            JsonNode props = r.getValue().path("Properties");
            if ("AWS::RDS::DBInstance".equals(r.getValue().path("Type").asText()) && props.has("SourceDBInstanceIdentifier")
                    && props.has("DBSubnetGroupName")) {
                ((ObjectNode) props).remove("DBSubnetGroupName");
                adaptations.add(r.getKey() + " (AWS::RDS::DBInstance read replica): created without its DBSubnetGroupName "
                        + "(moto 5.2.1 cannot find the replica's subnet group when the source is in another Region)");
            }
        }
        replaceCanonicalZone(template, stack, adaptations);
        replaceAlarmReferences(template, stack, adaptations);
        replaceAliasReferences(template, stack, adaptations);
        return template;
    }

    private static void replaceCanonicalZone(JsonNode node, AssemblyStack stack, List<String> adaptations) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                JsonNode getAtt = value.path("Fn::GetAtt");
                if (getAtt.isArray() && getAtt.size() == 2 && "HealthCheckId".equals(getAtt.get(1).asText())
                        && "AWS::Route53::HealthCheck".equals(stack.resources().path(getAtt.get(0).asText()).path("Type").asText())) {
                    ((ObjectNode) node).set(field.getKey(), JSON.createObjectNode().put("Ref", getAtt.get(0).asText()));
                    adaptations.add(getAtt.get(0).asText() + ".HealthCheckId: written as Ref " + getAtt.get(0).asText()
                            + " (the same id in CloudFormation; moto 5.2.1 fails CreateStack on this attribute)");
                } else if (getAtt.isArray() && getAtt.size() == 2 && "CanonicalHostedZoneID".equals(getAtt.get(1).asText())
                        && isLoadBalancer(stack, getAtt.get(0).asText()) && ALB_HOSTED_ZONES.containsKey(stack.region())) {
                    String zone = ALB_HOSTED_ZONES.get(stack.region());
                    ((ObjectNode) node).put(field.getKey(), zone);
                    adaptations.add(getAtt.get(0).asText() + ".CanonicalHostedZoneID: written as " + zone
                            + " (the ALB zone of " + stack.region() + "; moto 5.2.1 does not resolve this attribute)");
                } else {
                    replaceCanonicalZone(value, stack, adaptations);
                }
            }
        } else if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode array = (com.fasterxml.jackson.databind.node.ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                ObjectNode holder = JSON.createObjectNode();
                holder.set("v", array.get(i));
                replaceCanonicalZone(holder, stack, adaptations);
                array.set(i, holder.get("v"));
            }
        }
    }

    /**
     * moto 5.2.1 skips AWS::CloudWatch::Alarm in CloudFormation, so a reference to an alarm (a Route 53
     * health check on its state, an alarm ARN in a policy) fails the whole stack. The drill writes the name
     * and ARN the alarm would have; the alarm itself stays unrepresented and is reported so.
     */
    private static void replaceAlarmReferences(ObjectNode template, AssemblyStack stack, List<String> adaptations) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = stack.resources().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            if ("AWS::CloudWatch::Alarm".equals(r.getValue().path("Type").asText())) {
                JsonNode name = r.getValue().path("Properties").path("AlarmName");
                names.put(r.getKey(), name.isTextual() ? name.asText() : stack.stackName() + "-" + r.getKey());
            }
        }
        if (!names.isEmpty()) {
            replaceAlarmReferences(template.path("Resources"), stack, names, adaptations);
            replaceAlarmReferences(template.path("Outputs"), stack, names, adaptations);
        }
    }

    private static void replaceAlarmReferences(JsonNode node, AssemblyStack stack, Map<String, String> names, List<String> adaptations) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                JsonNode getAtt = value.path("Fn::GetAtt");
                String ref = value.path("Ref").asText(null);
                if (getAtt.isArray() && getAtt.size() == 2 && names.containsKey(getAtt.get(0).asText()) && "Arn".equals(getAtt.get(1).asText())) {
                    String arn = "arn:aws:cloudwatch:" + stack.region() + ":" + stack.account() + ":alarm:" + names.get(getAtt.get(0).asText());
                    ((ObjectNode) node).put(field.getKey(), arn);
                    adaptations.add(getAtt.get(0).asText() + ".Arn: written as " + arn
                            + " (moto 5.2.1 does not create AWS::CloudWatch::Alarm from a template, so references to it cannot resolve)");
                } else if (ref != null && value.size() == 1 && names.containsKey(ref)) {
                    ((ObjectNode) node).put(field.getKey(), names.get(ref));
                    adaptations.add("Ref " + ref + ": written as " + names.get(ref)
                            + " (moto 5.2.1 does not create AWS::CloudWatch::Alarm from a template, so references to it cannot resolve)");
                } else {
                    replaceAlarmReferences(value, stack, names, adaptations);
                }
            }
        } else if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode array = (com.fasterxml.jackson.databind.node.ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                // Wrap the element so that the object branch above can replace it in place.
                ObjectNode holder = JSON.createObjectNode();
                holder.set("v", array.get(i));
                replaceAlarmReferences(holder, stack, names, adaptations);
                array.set(i, holder.get("v"));
            }
        }
    }

    /**
     * moto 5.2.1 skips AWS::Lambda::Alias in CloudFormation, so a {@code Ref} to an alias (an EventBridge
     * target, a permission) resolves to nothing and fails the stack. The drill points those references at the
     * function itself ($LATEST), the only version the emulator has.
     */
    private static void replaceAliasReferences(ObjectNode template, AssemblyStack stack, List<String> adaptations) {
        Map<String, JsonNode> arns = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = stack.resources().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            JsonNode props = r.getValue().path("Properties");
            String function = props.path("FunctionName").path("Ref").asText(null);
            if ("AWS::Lambda::Alias".equals(r.getValue().path("Type").asText()) && function != null && props.path("Name").isTextual()) {
                // The alias does not exist in the emulator, so a qualified ARN would name nothing: the function's
                // own ARN ($LATEST) stands in for it.
                arns.put(r.getKey(), JSON.createObjectNode().set("Fn::GetAtt", JSON.createArrayNode().add(function).add("Arn")));
            }
        }
        if (!arns.isEmpty()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> r = it.next();
                JsonNode qualifier = r.getValue().path("Properties").path("Qualifier");
                if ("AWS::Lambda::EventInvokeConfig".equals(r.getValue().path("Type").asText())
                        && arns.keySet().stream().anyMatch(alias -> qualifier.toString().contains("\"" + alias + "\""))) {
                    ((ObjectNode) r.getValue().path("Properties")).put("Qualifier", "$LATEST");
                    adaptations.add(r.getKey() + " (AWS::Lambda::EventInvokeConfig): qualifier $LATEST instead of the alias "
                            + "(moto 5.2.1 does not create AWS::Lambda::Alias from a template)");
                }
            }
            replaceRefs(template.path("Resources"), arns, adaptations);
            replaceRefs(template.path("Outputs"), arns, adaptations);
        }
    }

    private static void replaceRefs(JsonNode node, Map<String, JsonNode> replacements, List<String> adaptations) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                String ref = value.path("Ref").asText(null);
                if (ref != null && value.size() == 1 && replacements.containsKey(ref)) {
                    ((ObjectNode) node).set(field.getKey(), replacements.get(ref).deepCopy());
                    adaptations.add("Ref " + ref + " (AWS::Lambda::Alias): written as the function's ARN, invoking $LATEST "
                            + "(moto 5.2.1 does not create AWS::Lambda::Alias from a template)");
                } else {
                    replaceRefs(value, replacements, adaptations);
                }
            }
        } else if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode array = (com.fasterxml.jackson.databind.node.ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                ObjectNode holder = JSON.createObjectNode();
                holder.set("v", array.get(i));
                replaceRefs(holder, replacements, adaptations);
                array.set(i, holder.get("v"));
            }
        }
    }

    private static boolean isLoadBalancer(AssemblyStack stack, String logicalId) {
        return "AWS::ElasticLoadBalancingV2::LoadBalancer".equals(stack.resources().path(logicalId).path("Type").asText());
    }

    static ObjectMapper json() {
        return JSON;
    }
}

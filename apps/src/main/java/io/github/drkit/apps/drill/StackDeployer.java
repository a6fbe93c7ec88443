package io.github.drkit.apps.drill;

import io.github.drkit.apps.drill.rewrite.TemplateRewrites;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackResource;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;

/**
 * Deploys synthesized stacks into the emulator through the CloudFormation API, and deletes them again.
 *
 * <p>Before a stack is created the drill does what {@code cdk bootstrap} and {@code cdk deploy} would
 * ({@link Bootstrapper}, {@link AssetPublisher}). It then rewrites the template only where the emulator
 * cannot take it as synthesized ({@link TemplateRewrites}), and records every such change in the report.
 */
public final class StackDeployer {
    private static final Duration POLL = Duration.ofMillis(250);

    private final DrillClients clients;
    private final Duration stackTimeout;
    private final Bootstrapper bootstrapper;
    private final AssetPublisher assets;
    private final EmulatorLog emulatorLog;

    /** @param emulatorLog the emulator's log when the drill started it, so that an error inside it can be quoted; or null */
    public StackDeployer(DrillClients clients, Duration stackTimeout, Path emulatorLog) {
        this.clients = clients;
        this.stackTimeout = stackTimeout;
        this.bootstrapper = new Bootstrapper(clients);
        this.assets = new AssetPublisher(clients);
        this.emulatorLog = new EmulatorLog(emulatorLog);
    }

    /**
     * Creates a stack and waits until the emulator says it is complete.
     *
     * @throws DrillException naming the stack, its status and the resources that failed or never finished
     */
    public DeployedStack deploy(AssemblyStack stack) {
        bootstrapper.bootstrap(stack.account(), stack.region());
        assets.publish(stack);
        List<String> adaptations = new ArrayList<>();
        ObjectNode template = TemplateRewrites.apply(stack, adaptations);
        CloudFormationClient cfn = clients.cloudFormation(stack.region());
        try {
            cfn.createStack(b -> b.stackName(stack.stackName())
                    .templateBody(template.toString())
                    .capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM, Capability.CAPABILITY_AUTO_EXPAND));
        } catch (CloudFormationException e) {
            String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
            throw new DrillException("the emulator refused stack " + stack.stackName() + " in " + stack.region() + ": "
                    + (message != null ? message : "HTTP " + e.statusCode() + " from inside the emulator's CloudFormation"
                    + emulatorLog.lastError()));
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw new DrillException("the emulator failed while creating stack " + stack.stackName() + " in " + stack.region()
                    + " (an error inside the emulator's CloudFormation, often a resource type or attribute it does not "
                    + "support; its log has the traceback): " + e.getMessage() + emulatorLog.lastError());
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
}

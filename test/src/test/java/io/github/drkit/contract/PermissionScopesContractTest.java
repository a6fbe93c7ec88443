package io.github.drkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.drkit.apps.ReferenceApp;
import io.github.drkit.crossaccount.CrossAccountStep;
import io.github.drkit.failover.Capacity;
import io.github.drkit.failover.CustomAction;
import io.github.drkit.objectives.DrStrategy;
import io.github.drkit.failover.FailoverFunction;
import io.github.drkit.failover.FailoverFunctionProps;
import io.github.drkit.failover.FailoverPlan;
import io.github.drkit.failover.ManualApproval;
import io.github.drkit.failover.PlanInstances;
import io.github.drkit.failover.PlanNodegroup;
import io.github.drkit.failover.PlanRestoreBackup;
import io.github.drkit.failover.PlanRestoreDatabase;
import io.github.drkit.failover.PlanRestoreVolume;
import io.github.drkit.plan.PlanEnvironment;
import io.github.drkit.plan.PlanStep;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.runtime.aws.api.SimulationContext;
import io.github.drkit.runtime.readiness.permissions.Account;
import io.github.drkit.runtime.readiness.permissions.PermissionScopesRegistry;
import io.github.drkit.runtime.readiness.permissions.SimulationPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import software.amazon.awscdk.services.lambda.IFunction;

/**
 * The runtime's permissions check against the role the constructs build: for every failover function of the reference
 * app, and of two stacks with the kinds it does not use, each simulation {@code evaluate} would make ({@link SimulationPlan}, from the function's plan) is allowed by the
 * statements synthesized for that function's role, and names, for each action, a resource one of those statements
 * names word for word. A simulation on a wider resource than the grant would be denied, one on a narrower resource would
 * name a resource no statement names: either proves nothing about the deployed role, so either fails here.
 */
class PermissionScopesContractTest {
    private static final String ACCOUNT = "111111111111";
    private static final Account ROLE_ACCOUNT = new Account("aws", ACCOUNT);

    /** One failover function: its plan and its role's statements, tokens resolved. */
    private record Function(String path, RecoveryPlan plan, List<Map<String, Object>> statements) {
    }

    private static List<Function> functions;

    @BeforeAll
    static void synthesize() {
        App app = new App();
        ReferenceApp.define(app);
        functions = new ArrayList<>(functions(app));
        functions.addAll(functions(otherKinds()));
    }

    /**
     * The kinds no reference stack uses, each in a failover function of its own stack: instances, a node group, a custom
     * action, an approval and a step in another account; a volume restore that attaches, an AWS Backup restore and a
     * point-in-time database restore.
     */
    private static App otherKinds() {
        App app = new App();
        Environment env = Environment.builder().account(ACCOUNT).region("us-west-2").build();
        Stack pilot = new Stack(app, "OtherKindsPilot", StackProps.builder().env(env).build());
        IFunction hook = software.amazon.awscdk.services.lambda.Function.fromFunctionArn(pilot, "Hook",
                "arn:aws:lambda:us-west-2:" + ACCOUNT + ":function:shop-hook");
        new FailoverFunction(pilot, "Failover", FailoverFunctionProps.builder().plan(FailoverPlan.builder().application("shop")
                .strategy(DrStrategy.PILOT_LIGHT).primaryRegion("us-east-1").recoveryRegion("us-west-2")
                .instances(List.of(PlanInstances.of("us-west-2", List.of("i-0123456789abcdef0", "i-0123456789abcdef1"))))
                .otherSteps(List.of(PlanNodegroup.builder().region("us-west-2").clusterName("shop").nodegroupName("workers")
                                .standby(Capacity.of(0, 0, 2)).recovery(Capacity.of(2, 3, 6)).build(),
                        CustomAction.builder().function(hook).build(), ManualApproval.before("traffic"),
                        CrossAccountStep.of(PlanInstances.of("us-west-2", List.of("i-0fedcba9876543210")),
                                "arn:aws:iam::222222222222:role/drkit-shop-workload")))
                .build()).build());
        Stack restore = new Stack(app, "OtherKindsRestore", StackProps.builder().env(env).build());
        new FailoverFunction(restore, "Failover", FailoverFunctionProps.builder().plan(FailoverPlan.builder().application("shop")
                .strategy(DrStrategy.BACKUP_RESTORE).primaryRegion("us-east-1").recoveryRegion("us-west-2")
                .otherSteps(List.of(PlanRestoreVolume.builder().region("us-west-2").availabilityZone("us-west-2a")
                                .snapshotTags(Map.of("drkit:volume", "data")).volumeName("data-restored")
                                .attachInstanceId("i-0123456789abcdef0").attachDevice("/dev/sdf").build(),
                        PlanRestoreBackup.builder().region("us-west-2").backupVaultName("shop-recovery").resourceType("RDS")
                                .resourceArn("arn:aws:rds:us-east-1:" + ACCOUNT + ":db:shop")
                                .restoreRoleArn("arn:aws:iam::" + ACCOUNT + ":role/shop-backup-restore")
                                .restoreMetadata(Map.of("DBInstanceIdentifier", "shop-from-backup")).build(),
                        PlanRestoreDatabase.builder().region("us-west-2").sourceDbInstanceIdentifier("shop")
                                .dbInstanceIdentifier("shop-restored").dbSubnetGroupName("shop-data").pointInTime(true).build()))
                .build()).build());
        return app;
    }

    @Test
    void everySimulation_isAllowedByTheSynthesizedRoleOnAResourceItNames() {
        List<String> problems = new ArrayList<>();
        Set<String> kinds = new TreeSet<>();
        int simulations = 0;
        for (Function f : functions) {
            SimulationPlan planned = SimulationPlan.of(f.plan(), f.plan().steps(), ROLE_ACCOUNT);
            assertEquals(Set.of(), planned.unknown(), f.path() + ": kinds or scopes the check cannot name");
            f.plan().steps().stream().map(PlanStep::kind).forEach(kinds::add);
            for (SimulationPlan.Simulation s : planned.simulations()) {
                for (String action : s.actions()) {
                    for (String resource : s.resources()) {
                        simulations++;
                        if (!allowed(f.statements(), action, resource, s.context())) {
                            problems.add(f.path() + " " + s.paths() + ": " + action + " on " + resource + " with " + s.context()
                                    + " is not allowed by the synthesized role");
                        } else if (!named(f.statements(), action, resource)) {
                            problems.add(f.path() + " " + s.paths() + ": " + action + " simulated on " + resource
                                    + ", which no statement granting it names");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(simulations > 0, "no simulation at all");
        assertEquals(new TreeSet<>(PermissionScopesRegistry.kinds()), kinds, "the kinds these plans cover");
    }

    // ---- the synthesized roles

    // Safe: CDK hands template JSON over as Map<String, Object> objects and List arrays (jsii's mapping of JSON).
    @SuppressWarnings("unchecked")
    private static List<Function> functions(App app) {
        List<Function> out = new ArrayList<>();
        for (CloudFormationStackArtifact artifact : app.synth().getStacks()) {
            Map<String, Object> template = (Map<String, Object>) artifact.getTemplate();
            Map<String, Object> resources = (Map<String, Object>) template.getOrDefault("Resources", Map.of());
            TokenValues values = new TokenValues(resources, artifact.getEnvironment().getRegion(), ACCOUNT);
            for (Map.Entry<String, Object> e : resources.entrySet()) {
                Map<String, Object> resource = (Map<String, Object>) e.getValue();
                if (!"AWS::Lambda::Function".equals(resource.get("Type"))) {
                    continue;
                }
                Map<String, Object> props = (Map<String, Object>) resource.get("Properties");
                Map<String, Object> variables = (Map<String, Object>) ((Map<String, Object>) props.getOrDefault("Environment", Map.of()))
                        .getOrDefault("Variables", Map.of());
                Object json = null;
                if (variables.containsKey(PlanEnvironment.PLAN)) {
                    json = variables.get(PlanEnvironment.PLAN);
                } else if (variables.containsKey(PlanEnvironment.PLAN_PARAMETER)) {
                    String parameter = (String) ((Map<String, Object>) variables.get(PlanEnvironment.PLAN_PARAMETER)).get("Ref");
                    json = ((Map<String, Object>) ((Map<String, Object>) resources.get(parameter)).get("Properties")).get("Value");
                }
                if (json == null || !(props.get("Role") instanceof Map<?, ?> role) || !(role.get("Fn::GetAtt") instanceof List<?> att)) {
                    continue;
                }
                RecoveryPlan plan = RecoveryPlan.parse(String.valueOf(values.resolve(json)));
                out.add(new Function(artifact.getStackName() + "/" + e.getKey(), plan, statements(resources, values, (String) att.get(0))));
            }
        }
        assertFalse(out.isEmpty(), "no failover function with a plan in the app");
        return out;
    }

    /** Every statement of the role's inline policies and of the policies attached to it, tokens resolved where they can be. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Map<String, Object> resources, TokenValues values, String role) {
        List<Object> documents = new ArrayList<>();
        Map<String, Object> roleProps = (Map<String, Object>) ((Map<String, Object>) resources.get(role)).getOrDefault("Properties", Map.of());
        for (Object inline : (List<Object>) roleProps.getOrDefault("Policies", List.of())) {
            documents.add(((Map<String, Object>) inline).get("PolicyDocument"));
        }
        Map<String, Object> ref = Map.of("Ref", role);
        for (Object value : resources.values()) {
            Map<String, Object> resource = (Map<String, Object>) value;
            String type = (String) resource.get("Type");
            Map<String, Object> props = (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
            if (("AWS::IAM::Policy".equals(type) || "AWS::IAM::ManagedPolicy".equals(type))
                    && ((List<Object>) props.getOrDefault("Roles", List.of())).contains(ref)) {
                documents.add(props.get("PolicyDocument"));
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object document : documents) {
            for (Object statement : (List<Object>) ((Map<String, Object>) document).get("Statement")) {
                try {
                    out.add((Map<String, Object>) values.resolve(statement));
                } catch (IllegalStateException unresolvable) {
                    // A statement on a resource no plan names (a key, a bucket, a log group): no simulation can need it.
                }
            }
        }
        return out;
    }

    // ---- IAM's evaluation, for the operators the constructs write

    private static boolean allowed(List<Map<String, Object>> statements, String action, String resource, List<SimulationContext> context) {
        boolean allow = false;
        for (Map<String, Object> s : statements) {
            if (matches(s, action, resource, context)) {
                if ("Deny".equals(s.get("Effect"))) {
                    return false;
                }
                allow = true;
            }
        }
        return allow;
    }

    private static boolean named(List<Map<String, Object>> statements, String action, String resource) {
        return statements.stream().anyMatch(s -> "Allow".equals(s.get("Effect")) && strings(s.get("Action")).stream()
                .anyMatch(a -> glob(a, action, true)) && strings(s.get("Resource")).contains(resource));
    }

    @SuppressWarnings("unchecked")
    private static boolean matches(Map<String, Object> s, String action, String resource, List<SimulationContext> context) {
        if (strings(s.get("Action")).stream().noneMatch(a -> glob(a, action, true))
                || strings(s.get("Resource")).stream().noneMatch(r -> glob(r, resource, false))) {
            return false;
        }
        Map<String, Object> conditions = (Map<String, Object>) s.getOrDefault("Condition", Map.of());
        for (Map.Entry<String, Object> operator : conditions.entrySet()) {
            for (Map.Entry<String, Object> key : ((Map<String, Object>) operator.getValue()).entrySet()) {
                List<String> given = context.stream().filter(c -> c.key().equalsIgnoreCase(key.getKey())).findFirst()
                        .map(SimulationContext::values).orElse(null);
                if (!condition(operator.getKey(), strings(key.getValue()), given)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean condition(String operator, List<String> expected, List<String> given) {
        return switch (operator) {
            case "StringEquals" -> given != null && given.stream().anyMatch(expected::contains);
            case "StringLike", "ArnLike" -> given != null && given.stream().anyMatch(g -> expected.stream().anyMatch(p -> glob(p, g, false)));
            // Every value the request carries is one of the expected; a request without the key carries none.
            case "ForAllValues:StringEquals" -> given == null || expected.containsAll(given);
            default -> throw new IllegalStateException("condition operator " + operator + " is not evaluated by this test: add it");
        };
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(value));
    }

    /** IAM's wildcard match: {@code *} any run of characters, {@code ?} one; actions compare without case. */
    private static boolean glob(String pattern, String value, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0).matcher(value).matches();
    }
}

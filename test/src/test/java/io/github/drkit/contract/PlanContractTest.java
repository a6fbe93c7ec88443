package io.github.drkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.drkit.apps.ReferenceApp;
import io.github.drkit.failover.DatabaseOptions;
import io.github.drkit.failover.DnsSwitchOptions;
import io.github.drkit.failover.Endpoint;
import io.github.drkit.multisite.MultiSiteWeightedDns;
import io.github.drkit.multisite.MultiSiteWeightedDnsProps;
import io.github.drkit.multisite.WeightedSite;
import io.github.drkit.pilotlight.PilotLightCore;
import io.github.drkit.pilotlight.PilotLightCoreProps;
import io.github.drkit.pilotlight.ServerTier;
import io.github.drkit.plan.FleetPlan;
import io.github.drkit.plan.PlanSchema;
import io.github.drkit.plan.RecordPlan;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.Routing;
import io.github.drkit.plan.Strategy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.route53.HostedZone;
import software.amazon.awscdk.services.route53.HostedZoneAttributes;

/**
 * The plan round trip: every plan the constructs synthesize, taken out of the template (the
 * DRKIT_PLAN variable or the SSM parameter it names), with its CloudFormation tokens replaced by
 * realistic values, must conform to docs/recovery-plan.schema.json and load in the runtime's reader (drkit-plan's).
 */
class PlanContractTest {
    private static final String ACCOUNT = "111111111111";
    private static Map<String, RecoveryPlan> referencePlans;
    private static final Map<String, Integer> resolvedSizes = new LinkedHashMap<>();
    private static final Map<String, String> referenceTexts = new LinkedHashMap<>();
    private static App referenceApp;

    @BeforeAll
    static void synthesizeReferenceApp() {
        referenceApp = new App();
        ReferenceApp.define(referenceApp);
        referencePlans = plans(referenceApp);
        referenceTexts.putAll(lastTexts);
    }

    /** Every plan of the reference app (the app in apps/) conforms to docs/recovery-plan.schema.json. */
    @Test
    void schema_whenReferenceApp_acceptsEveryPlan() {
        assertEquals(referencePlans.keySet(), referenceTexts.keySet());
        for (Map.Entry<String, String> plan : referenceTexts.entrySet()) {
            assertEquals(List.of(), PlanSchema.errors(plan.getValue()), () -> plan.getKey() + ": " + plan.getValue());
        }
    }

    /** The storage decision rests on the size estimate made before tokens resolve: it must not be short. */
    @Test
    void planSize_whenTokensResolve_staysWithinTheEstimate() {
        int functions = 0;
        for (software.constructs.IConstruct c : referenceApp.getNode().findAll()) {
            if (c instanceof io.github.drkit.failover.FailoverFunction f) {
                functions++;
                String key = Stack.of(f).getStackName() + "/" + Stack.of(f).getLogicalId(
                        (software.amazon.awscdk.CfnElement) f.getFunction().getNode().getDefaultChild());
                Integer resolved = resolvedSizes.get(key);
                assertNotNull(resolved, "no resolved plan for " + key + " in " + resolvedSizes.keySet());
                int estimate = io.github.drkit.internal.plan.PlanSize.estimate(f.getPlan().toJson());
                System.out.println("plan " + key + ": " + resolved + " bytes resolved, " + estimate + " estimated");
                assertTrue(estimate >= resolved, key + ": estimate " + estimate + " < resolved " + resolved);
            }
        }
        assertTrue(functions >= 3, "failover functions found: " + functions);
    }

    @Test
    void parse_whenReferenceApp_loadsOnePlanPerStrategy() {
        assertEquals(java.util.Set.of(Strategy.MULTI_SITE, Strategy.PILOT_LIGHT, Strategy.WARM_STANDBY),
                referencePlans.values().stream().map(RecoveryPlan::strategy).filter(s -> s != Strategy.BACKUP_RESTORE)
                        .collect(java.util.stream.Collectors.toSet()),
                "plans found: " + referencePlans.keySet());
        // Pilot light twice: the EC2 reference and the container reference.
        assertEquals(4, referencePlans.values().stream().filter(p -> p.strategy() != Strategy.BACKUP_RESTORE).count());
    }

    @Test
    void parse_whenContainers_scalesTheServiceToThePrimarysCount() {
        RecoveryPlan plan = referencePlans.values().stream().filter(p -> p.application().equals("containers")).findFirst().orElseThrow();
        io.github.drkit.plan.ServicePlan service = plan.steps(io.github.drkit.plan.ServicePlan.class).get(0);
        assertEquals(Strategy.PILOT_LIGHT, plan.strategy());
        assertEquals(0, service.standbyDesiredCount());
        assertEquals(2, service.recoveryDesiredCount());
        assertEquals(100, service.recoveryPercentOfPrimary());
        // The containers strategy has its own Regions: it runs in us-west-2 and recovers into us-east-1.
        assertEquals("us-west-2", plan.primaryRegion());
        assertEquals("us-east-1", plan.recoveryRegion());
        assertEquals("us-east-1", service.region());
        assertEquals("us-west-2", service.primaryRegion());
        assertEquals("drkit-containers", service.primaryCluster());
        assertEquals("web", service.primaryService());
        assertEquals(List.of("data", "compute", "health", "traffic"), plan.stages().stream().map(io.github.drkit.plan.Stage::name).toList());
        // The data tier: the Aurora secondary is made the writer and the table's replica checked before the tasks start.
        io.github.drkit.plan.GlobalDatabasePlan database = plan.steps(io.github.drkit.plan.GlobalDatabasePlan.class).get(0);
        assertEquals("drkit-containers-global", database.globalClusterIdentifier());
        assertEquals("drkit-containers-secondary", database.dbClusterIdentifier());
        // The step carries the application's declared RPO, not the 1 s lag the estimate expects.
        assertEquals((int) io.github.drkit.apps.strategies.ContainerStacks.RPO.toSeconds(), database.rpoSeconds());
        assertEquals("us-east-1", database.region());
        assertEquals("arn:aws:rds:us-west-2:" + database.primaryDbClusterArn().split(":")[4] + ":cluster:drkit-containers-primary",
                database.primaryDbClusterArn());
        io.github.drkit.plan.GlobalTablePlan table = plan.steps(io.github.drkit.plan.GlobalTablePlan.class).get(0);
        assertEquals("drkit-containers-orders", table.tableName());
        assertEquals("us-west-2", table.sourceRegion());
        assertEquals(List.of("failoverGlobalDatabase", "checkGlobalTable"), plan.stages().get(0).steps().stream()
                .map(io.github.drkit.plan.PlanStep::kind).toList());
    }

    @Test
    void parse_whenPilotLight_keepsDatabaseFleetsAndFailoverRecord() {
        RecoveryPlan plan = planOf(Strategy.PILOT_LIGHT);
        assertEquals("pilot-light", plan.application());
        assertEquals("us-east-1", plan.primaryRegion());
        assertEquals("us-west-2", plan.recoveryRegion());
        assertEquals("drkit-pilot-light-replica", plan.databases().get(0).dbInstanceIdentifier());
        assertEquals(2, plan.fleets().size());
        for (FleetPlan fleet : plan.fleets()) {
            assertEquals(0, fleet.standby().min());
            assertEquals(fleet.recovery().max(), fleet.standby().max());
            assertEquals(fleet.recovery().min(), fleet.minHealthy());
        }
        assertEquals(1, plan.fleets().stream().filter(f -> !f.targetGroupArns().isEmpty()).count(), "only the proxy tier is load balanced");
        RecordPlan record = plan.dns().get(0).records().get(0);
        assertEquals(Routing.FAILOVER, record.routing());
        assertEquals("pilot-light.drkit.example.com.", record.name());
        assertEquals("primary.pilot-light.drkit.example.com.", record.normal().alias().dnsName());
        assertTrue(record.recovery().alias().dnsName().contains(".us-west-2.elb.amazonaws.com"), record.recovery().alias().dnsName());
        assertEquals("Z1H1FL5HABSF5", record.recovery().alias().hostedZoneId());
        assertNotNull(plan.notificationTopicArn());
    }

    @Test
    void parse_whenWarmStandby_keepsVerticalScalingAndWeights() {
        RecoveryPlan plan = planOf(Strategy.WARM_STANDBY);
        FleetPlan fleet = plan.fleets().get(0);
        assertEquals("t3.small", fleet.standbyInstanceType());
        assertEquals("m5.large", fleet.recoveryInstanceType());
        assertEquals(List.of(1, 1, 2), List.of(fleet.standby().min(), fleet.standby().desired(), fleet.standby().max()));
        assertEquals(List.of(2, 4, 8), List.of(fleet.recovery().min(), fleet.recovery().desired(), fleet.recovery().max()));
        List<RecordPlan> records = plan.dns().get(0).records();
        assertEquals(List.of(Routing.WEIGHTED, Routing.WEIGHTED), records.stream().map(RecordPlan::routing).toList());
        assertEquals(List.of(100, 0), records.stream().map(RecordPlan::normalWeight).toList());
        assertEquals(List.of(0, 100), records.stream().map(RecordPlan::failoverWeight).toList());
    }

    @Test
    void parse_whenMultiSiteDataPlane_keepsSiteSwitches() {
        RecoveryPlan plan = planOf(Strategy.MULTI_SITE);
        assertTrue(plan.dns().isEmpty(), "the data-plane mode makes no Route 53 change");
        assertEquals(1, plan.siteSwitches().size());
        assertEquals("onprem", plan.siteSwitches().get(0).site());
        assertEquals(Map.of("Application", "multi-site", "Site", "onprem"), plan.siteSwitches().get(0).dimensions());
        assertEquals(1.0, plan.siteSwitches().get(0).normalValue());
        assertEquals(0.0, plan.siteSwitches().get(0).failoverValue());
    }

    /** Shapes the reference app does not use: weighted multi-site, an IP primary, the plan in an SSM parameter. */
    @Test
    void parse_whenOtherShapes_loadsEachPlan() {
        App app = new App();
        Stack east = new Stack(app, "east", StackProps.builder().env(Environment.builder().account(ACCOUNT).region("us-east-1").build()).build());
        HostedZone.fromHostedZoneAttributes(east, "Zone", HostedZoneAttributes.builder().hostedZoneId("Z0123456789ABC").zoneName("example.com").build());
        new MultiSiteWeightedDns(east, "Weighted", MultiSiteWeightedDnsProps.builder().applicationName("weighted")
                .hostedZone(HostedZone.fromHostedZoneAttributes(east, "Zone2", HostedZoneAttributes.builder()
                        .hostedZoneId("Z0123456789ABC").zoneName("example.com").build()))
                .recordName("www")
                .sites(List.of(
                        WeightedSite.builder().name("dc").endpoint(Endpoint.ipAddress("203.0.113.10")).normalWeight(70).failoverWeight(0).build(),
                        WeightedSite.builder().name("aws").endpoint(Endpoint.zoneRecord("aws.www")).normalWeight(30).failoverWeight(100).build()))
                .build());
        Stack west = new Stack(app, "west", StackProps.builder().env(Environment.builder().account(ACCOUNT).region("us-west-2").build()).build());
        PilotLightCore core = new PilotLightCore(west, "Shop", PilotLightCoreProps.builder()
                .applicationName("shop")
                .vpc(Vpc.Builder.create(west, "Vpc").maxAzs(2).natGateways(1).build())
                .database(DatabaseOptions.existingReplica("shop-replica").build())
                .tiers(List.of(ServerTier.builder().name("web").build()))
                .stoppedInstanceIds(List.of("i-0123456789abcdef0"))
                .dns(DnsSwitchOptions.builder().hostedZone(HostedZone.fromHostedZoneAttributes(west, "Zone", HostedZoneAttributes.builder()
                        .hostedZoneId("Z0123456789ABC").zoneName("example.com").build())).recordName("shop")
                        .primary(Endpoint.ipAddress("203.0.113.20")).build())
                .build());
        assertNotNull(core);
        Map<String, RecoveryPlan> plans = plans(app);
        RecoveryPlan weighted = plans.values().stream().filter(p -> p.application().equals("weighted")).findFirst().orElseThrow();
        assertEquals(List.of(0, 100), weighted.dns().get(0).records().stream().map(RecordPlan::failoverWeight).toList());
        RecoveryPlan shop = plans.values().stream().filter(p -> p.application().equals("shop")).findFirst().orElseThrow();
        assertEquals(List.of("i-0123456789abcdef0"), shop.instances().get(0).instanceIds());
        assertEquals(List.of("203.0.113.20"), shop.dns().get(0).records().get(0).normal().values());
    }

    @Test
    void parse_whenPlanInParameter_readsParameterValue() {
        App app = new App();
        Stack west = new Stack(app, "west", StackProps.builder().env(Environment.builder().account(ACCOUNT).region("us-west-2").build()).build());
        io.github.drkit.failover.FailoverPlan plan = io.github.drkit.failover.FailoverPlan.builder().application("param")
                .strategy(io.github.drkit.objectives.DrStrategy.PILOT_LIGHT).recoveryRegion("us-west-2")
                .databases(List.of(io.github.drkit.failover.PlanDatabase.of("us-west-2", "param-replica"))).build();
        new io.github.drkit.failover.FailoverFunction(west, "Failover", io.github.drkit.failover.FailoverFunctionProps.builder()
                .plan(plan).planStorage(io.github.drkit.failover.PlanStorage.PARAMETER).build());
        Map<String, RecoveryPlan> plans = plans(app);
        assertEquals(1, plans.size());
        RecoveryPlan loaded = plans.values().iterator().next();
        assertEquals("param-replica", loaded.databases().get(0).dbInstanceIdentifier());
    }

    private static RecoveryPlan planOf(Strategy strategy) {
        return referencePlans.values().stream().filter(p -> p.strategy() == strategy && !p.application().equals("containers")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + strategy + " plan in the reference app: " + referencePlans.keySet()));
    }

    /** The plan texts {@link #plans} found last, by the same keys. */
    private static final Map<String, String> lastTexts = new LinkedHashMap<>();

    /** Every failover plan of the app, by "stack/function logical id", checked against the schema and parsed by the runtime. */
    // Safe: CDK hands template JSON over as Map<String, Object> objects and List arrays (jsii's mapping of JSON).
    @SuppressWarnings("unchecked")
    static Map<String, RecoveryPlan> plans(App app) {
        Map<String, RecoveryPlan> out = new LinkedHashMap<>();
        lastTexts.clear();
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
                if (variables.containsKey(io.github.drkit.plan.PlanEnvironment.PLAN)) {
                    json = variables.get(io.github.drkit.plan.PlanEnvironment.PLAN);
                } else if (variables.containsKey(io.github.drkit.plan.PlanEnvironment.PLAN_PARAMETER)) {
                    String parameter = (String) ((Map<String, Object>) variables.get(io.github.drkit.plan.PlanEnvironment.PLAN_PARAMETER)).get("Ref");
                    json = ((Map<String, Object>) ((Map<String, Object>) resources.get(parameter)).get("Properties")).get("Value");
                }
                if (json == null) {
                    continue;
                }
                String text = String.valueOf(values.resolve(json));
                String path = artifact.getStackName() + "/" + e.getKey();
                resolvedSizes.put(path, text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
                lastTexts.put(path, text);
                assertEquals(List.of(), PlanSchema.errors(text), () -> "plan of " + path + " does not conform to the schema:\n" + text);
                try {
                    out.put(path, RecoveryPlan.parse(text));
                } catch (RuntimeException ex) {
                    fail("plan of " + path + " does not load in the runtime: " + ex.getMessage() + "\n" + text, ex);
                }
            }
        }
        assertFalse(out.isEmpty(), "no failover function with a plan in the app");
        return out;
    }
}

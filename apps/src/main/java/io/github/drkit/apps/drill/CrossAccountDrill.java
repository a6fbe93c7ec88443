package io.github.drkit.apps.drill;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.drkit.apps.crossaccount.CrossAccountApp;
import io.github.drkit.emulator.EmulatorIam;
import io.github.drkit.plan.RecordPlan;
import io.github.drkit.plan.RecoveryPlan;
import io.github.drkit.plan.ZonePlan;
import io.github.drkit.runtime.aws.AwsCall;
import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.engine.Action;
import io.github.drkit.runtime.engine.RecoveryEngine;
import io.github.drkit.runtime.engine.RecoveryRequest;
import io.github.drkit.runtime.engine.Report;
import io.github.drkit.runtime.engine.StepReport;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * The drill of a failover across two accounts in the emulator ({@link CrossAccountApp}): the workload stack is
 * deployed with a session in the workload account, the recovery stack (DNS, the failover function) in the emulator's
 * own account; the engine runs as the deployed failover role with IAM enforced in both accounts (the workload role's
 * policies put in the form the emulator evaluates, as the failover role's), fails over and back, and each run's report
 * must name the account of every call: the workload account for the fleet's, the recovery account for the rest.
 */
public final class CrossAccountDrill {
    /** The emulator's own account: an unknown access key lands there, so the recovery stack's ARNs match it. */
    public static final String RECOVERY_ACCOUNT = "123456789012";
    public static final String WORKLOAD_ACCOUNT = "222222222222";
    public static final String REGION = "us-west-2";

    private final URI emulator;
    private final Path outdir;
    private final Duration stackTimeout;

    /**
     * @param emulator a {@code moto_server} (IAM is enforced through its {@code /moto-api})
     * @param outdir   where the app is synthesized
     */
    public CrossAccountDrill(URI emulator, Path outdir, Duration stackTimeout) {
        this.emulator = emulator;
        this.outdir = outdir;
        this.stackTimeout = stackTimeout;
    }

    /**
     * What the drill did and found.
     *
     * @param calls    per account, the calls of both runs, as {@code Service:Operation} counts
     * @param failover the engine's report of the failover
     * @param failback the engine's report of the failback; null when the drill stopped before it
     * @param error    why the drill stopped early; null when it ran to the end
     */
    public record Result(List<String> steps, List<Check> checks, Map<String, Map<String, Integer>> calls, Report failover,
                         Report failback, String error) {
        public boolean passed() {
            return error == null && !checks.isEmpty() && checks.stream().allMatch(Check::passed);
        }
    }

    public Result run() {
        List<String> steps = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        Report failover = null;
        Report failback = null;
        String error = null;
        App app = new App(AppProps.builder().outdir(outdir.toString()).build());
        CrossAccountApp.define(app, RECOVERY_ACCOUNT, WORKLOAD_ACCOUNT, REGION);
        app.synth();
        CloudAssembly assembly = CloudAssembly.read(outdir);
        AssemblyStack workloadStack = stack(assembly, CrossAccountApp.WORKLOAD_STACK);
        AssemblyStack recoveryStack = stack(assembly, CrossAccountApp.RECOVERY_STACK);
        EmulatorIam iam = EmulatorIam.of(emulator);
        try (DrillClients recovery = new DrillClients(emulator, RECOVERY_ACCOUNT);
             DrillClients workload = new DrillClients(emulator, iam.assume(recovery.credentials(),
                     "arn:aws:iam::" + WORKLOAD_ACCOUNT + ":role/drkit-drill-setup", "drkit-drill-setup"))) {
            StackDeployer inRecovery = new StackDeployer(recovery, stackTimeout, null);
            StackDeployer inWorkload = new StackDeployer(workload, stackTimeout, null);
            List<Runnable> teardown = new ArrayList<>();
            try {
                // The recovery stack first: the workload role trusts the failover role, which must exist.
                DeployedStack deployed = inRecovery.deploy(recoveryStack);
                teardown.add(0, () -> inRecovery.delete(recoveryStack));
                steps.add("deploy " + recoveryStack.stackName() + " in account " + RECOVERY_ACCOUNT);
                inWorkload.deploy(workloadStack);
                teardown.add(0, () -> inWorkload.delete(workloadStack));
                steps.add("deploy " + workloadStack.stackName() + " in account " + WORKLOAD_ACCOUNT + " (a session of a role there)");

                String function = deployed.physicalIdsOfType("AWS::Lambda::Function").get(0);
                String json = recovery.lambda(REGION).getFunctionConfiguration(b -> b.functionName(function)).environment().variables()
                        .get(DrillTarget.PLAN_VARIABLE);
                RecoveryPlan plan = RecoveryPlan.parse(json);
                checks.add(Check.of("plan: role of the fleet's step", "arn:aws:iam::" + WORKLOAD_ACCOUNT + ":role/" + CrossAccountApp.WORKLOAD_ROLE,
                        plan.assumeRole(plan.fleets().get(0)) == null ? null : plan.assumeRole(plan.fleets().get(0)).roleArn()));
                FailoverRole role = FailoverRole.assume(recovery, new ResolvedPlan(function, REGION, "environment of " + function, json, plan,
                        List.of()), emulator);
                List<String> workloadGranted = iam.enforceActionsOf(workload.credentials(), CrossAccountApp.WORKLOAD_ROLE);
                steps.add("assume failover role " + role.roleArn() + " (" + role.granted().size() + " action(s)); workload role "
                        + CrossAccountApp.WORKLOAD_ROLE + " enforced with " + workloadGranted);

                try (AwsClients aws = AwsClients.builder().region(Region.of(REGION)).endpoint(emulator).credentials(role.session())
                        .account(RECOVERY_ACCOUNT).build();
                     RecoveryEngine engine = RecoveryEngine.builder(aws).pollInterval(Duration.ofMillis(200)).build()) {
                    failover = role.run(() -> engine.run(plan, new RecoveryRequest(Action.FAILOVER, false, false)));
                    steps.add("failover: " + failover.outcome() + ": " + failover.message());
                    checks.add(Check.of("failover outcome", Report.RunOutcome.SUCCEEDED, failover.outcome()));
                    checks.addAll(role.deniedCalls(failover));
                    checks.addAll(accounts(failover));
                    checks.addAll(state(plan, recovery, workload, 4, "recovery"));
                    Report failoverReport = failover;
                    failback = role.run(() -> engine.run(plan, new RecoveryRequest(Action.FAILBACK, false, false)));
                    steps.add("failback: " + failback.outcome() + ": " + failback.message());
                    checks.add(Check.of("failback outcome", Report.RunOutcome.SUCCEEDED, failback.outcome()));
                    checks.addAll(role.deniedCalls(failback));
                    checks.addAll(accounts(failback));
                    checks.addAll(state(plan, recovery, workload, 1, "primary"));
                    checks.add(Check.of("sessions of the workload role over both runs", 1, calls(failoverReport).stream()
                            .filter(c -> c.operation().equals("AssumeRole")).count() + calls(failback).stream()
                            .filter(c -> c.operation().equals("AssumeRole")).count()));
                }
            } catch (RuntimeException e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
            } finally {
                iam.relax();
                for (Runnable delete : teardown) {
                    delete.run();
                }
                steps.add("tear down " + teardown.size() + " stack(s)");
            }
        }
        write("failover", failover);
        write("failback", failback);
        return new Result(steps, checks, byAccount(failover, failback), failover, failback, error);
    }

    /** The engine's report beside the assembly, as the drill keeps it: every call with its account. */
    private void write(String action, Report report) {
        if (report == null) {
            return;
        }
        try {
            java.nio.file.Files.writeString(outdir.resolveSibling("cross-account-" + action + ".json"),
                    io.github.drkit.runtime.engine.ReportJson.write(report));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not write the " + action + " report beside " + outdir, e);
        }
    }

    private static AssemblyStack stack(CloudAssembly assembly, String name) {
        return assembly.stacks().stream().filter(s -> s.stackName().equals(name)).findFirst()
                .orElseThrow(() -> new DrillException("the app has no stack " + name));
    }

    /** The fleet in the workload account, nothing of it in the recovery account, and the records' weights. */
    private static List<Check> state(RecoveryPlan plan, DrillClients recovery, DrillClients workload, int desired, String trafficOn) {
        List<Check> checks = new ArrayList<>();
        List<AutoScalingGroup> groups = workload.autoScaling(REGION)
                .describeAutoScalingGroups(b -> b.autoScalingGroupNames(CrossAccountApp.FLEET)).autoScalingGroups();
        checks.add(Check.of("fleet " + CrossAccountApp.FLEET + " in account " + WORKLOAD_ACCOUNT + " desired capacity", desired,
                groups.isEmpty() ? "absent" : groups.get(0).desiredCapacity()));
        checks.add(Check.of("fleet " + CrossAccountApp.FLEET + " in account " + RECOVERY_ACCOUNT, "absent", recovery.autoScaling(REGION)
                .describeAutoScalingGroups(b -> b.autoScalingGroupNames(CrossAccountApp.FLEET)).autoScalingGroups().isEmpty() ? "absent" : "present"));
        ZonePlan zone = plan.dns().get(0);
        List<ResourceRecordSet> records = DnsState.records(recovery.route53(), zone.hostedZoneId());
        for (RecordPlan record : zone.records()) {
            ResourceRecordSet live = DnsState.find(records, record);
            long expected = trafficOn.equals(record.setIdentifier()) ? 100 : 0;
            checks.add(Check.of("record " + record.key() + " weight in account " + RECOVERY_ACCOUNT, expected, live == null ? "absent" : live.weight()));
        }
        return checks;
    }

    /** Every call of the run names its account: the workload account for the fleet's calls, the recovery account for the rest. */
    private static List<Check> accounts(Report report) {
        List<Check> checks = new ArrayList<>();
        int workload = 0;
        for (AwsCall call : calls(report)) {
            boolean fleet = call.service().equals("AutoScaling") || call.service().equals("ElasticLoadBalancingV2");
            String expected = fleet ? WORKLOAD_ACCOUNT : RECOVERY_ACCOUNT;
            if (!expected.equals(call.account())) {
                checks.add(Check.of(report.action() + ": account of " + call.service() + " " + call.operation(), expected, call.account()));
            }
            workload += fleet ? 1 : 0;
        }
        checks.add(Check.atLeast(report.action() + ": calls made in account " + WORKLOAD_ACCOUNT, 1, workload));
        return checks;
    }

    private static List<AwsCall> calls(Report report) {
        return report.steps().stream().map(StepReport::calls).flatMap(List::stream).toList();
    }

    private static Map<String, Map<String, Integer>> byAccount(Report... reports) {
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        for (Report report : reports) {
            if (report != null) {
                for (AwsCall call : calls(report)) {
                    out.computeIfAbsent(String.valueOf(call.account()), a -> new TreeMap<>())
                            .merge(call.service() + ":" + call.operation(), 1, Integer::sum);
                }
            }
        }
        return out;
    }
}

package io.github.drkit.runtime.readiness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.github.drkit.plan.ScaleServiceKind;
import io.github.drkit.plan.ServicePlan;
import io.github.drkit.runtime.aws.AwsServiceError;
import io.github.drkit.runtime.aws.DeadlineExceededException;
import io.github.drkit.runtime.aws.api.EcsApi;
import io.github.drkit.runtime.aws.api.EcsService;

/**
 * ECS services: the cluster exists and is ACTIVE, the service exists in it and is ACTIVE (a DRAINING or deleted service
 * cannot be scaled), and the task definition it runs is ACTIVE. A deregistered (INACTIVE) task definition still runs the
 * service's tasks and ECS still scales on it, but it is one step from gone and no new service or deployment can use it:
 * a warning. Reads are batched per account and Region: one DescribeClusters per 100 clusters, one DescribeServices per
 * cluster and 10 services, one DescribeTaskDefinition per task definition (the API reads one a call). A cluster whose
 * status cannot be read (a workload role may make DescribeServices, a step kind's read, but not DescribeClusters) does
 * not hide its services: they are still read, and the finding says the cluster was not checked and with which role.
 */
public final class ServiceReadiness implements ReadinessCheck<ServicePlan> {
    @Override
    public String kind() {
        return ScaleServiceKind.NAME;
    }

    @Override
    public Class<ServicePlan> type() {
        return ServicePlan.class;
    }

    @Override
    public List<Finding> check(List<ServicePlan> steps, ReadinessContext context) {
        Map<String, Answer<String>> clusters = clusters(steps, context);
        Map<String, Answer<EcsService>> services = services(steps, clusters, context);
        Map<String, Answer<String>> definitions = taskDefinitions(steps, services, context);
        List<Finding> findings = new ArrayList<>();
        for (ServicePlan step : steps) {
            findings.add(finding(step, context, clusters.get(clusterKey(step, context)), services.get(step.path()), definitions));
        }
        return findings;
    }

    /**
     * Each cluster's status (null when ECS does not know it) by account, Region and name: one DescribeClusters per account,
     * Region and 100 clusters.
     */
    private static Map<String, Answer<String>> clusters(List<ServicePlan> steps, ReadinessContext context) {
        Map<String, Callable<Map<String, String>>> reads = new LinkedHashMap<>();
        Map<String, List<String>> chunks = new LinkedHashMap<>();
        for (Map.Entry<String, List<ServicePlan>> scope : byScope(steps, context).entrySet()) {
            List<String> names = scope.getValue().stream().map(ServicePlan::cluster).distinct().toList();
            ServicePlan first = scope.getValue().get(0);
            for (int i = 0; i < names.size(); i += EcsApi.CLUSTERS_BATCH) {
                List<String> chunk = names.subList(i, Math.min(names.size(), i + EcsApi.CLUSTERS_BATCH));
                String key = scope.getKey() + "|" + i;
                chunks.put(key, chunk.stream().map(name -> scope.getKey() + "|" + name).toList());
                reads.put(key, () -> context.aws(first).ecs().clusterStatuses(first.region(), chunk));
            }
        }
        Map<String, Answer<String>> clusters = new LinkedHashMap<>();
        Answer.readAll(context, reads).forEach((key, answer) -> chunks.get(key).forEach(cluster -> clusters.put(cluster,
                new Answer<>(answer.value() == null ? null : answer.value().get(cluster.substring(cluster.lastIndexOf('|') + 1)), answer.error()))));
        return clusters;
    }

    /**
     * Each step's service by step path (a null value when the cluster does not list it, or lists it only as INACTIVE, as ECS
     * does a deleted one for a while), for the steps whose cluster is ACTIVE: one DescribeServices per cluster and 10 services.
     */
    private static Map<String, Answer<EcsService>> services(List<ServicePlan> steps, Map<String, Answer<String>> clusters,
                                                           ReadinessContext context) {
        Map<String, List<ServicePlan>> byCluster = new LinkedHashMap<>();
        for (ServicePlan step : steps) {
            Answer<String> cluster = clusters.get(clusterKey(step, context));
            // A cluster read that failed (DescribeClusters denied, as it is to a workload role built from the step kinds'
            // rows) does not stop the service read, which that role may make.
            if ("ACTIVE".equals(cluster.value()) || cluster.error() != null && !(cluster.error() instanceof DeadlineExceededException)) {
                byCluster.computeIfAbsent(clusterKey(step, context), k -> new ArrayList<>()).add(step);
            }
        }
        Map<String, Callable<List<EcsService>>> reads = new LinkedHashMap<>();
        Map<String, List<ServicePlan>> chunks = new LinkedHashMap<>();
        for (Map.Entry<String, List<ServicePlan>> cluster : byCluster.entrySet()) {
            List<ServicePlan> members = cluster.getValue();
            for (int i = 0; i < members.size(); i += EcsApi.DESCRIBE_BATCH) {
                List<ServicePlan> chunk = members.subList(i, Math.min(members.size(), i + EcsApi.DESCRIBE_BATCH));
                ServicePlan first = chunk.get(0);
                String key = cluster.getKey() + "|" + i;
                chunks.put(key, chunk);
                reads.put(key, () -> context.aws(first).ecs().describeServices(first.region(), first.cluster(),
                        chunk.stream().map(ServicePlan::service).distinct().toList()).services());
            }
        }
        Map<String, Answer<EcsService>> services = new LinkedHashMap<>();
        Answer.readAll(context, reads).forEach((key, answer) -> chunks.get(key).forEach(step -> services.put(step.path(),
                new Answer<>(answer.value() == null ? null : answer.value().stream()
                        .filter(s -> s.name().equals(step.service()) && !"INACTIVE".equals(s.status())).findFirst().orElse(null), answer.error()))));
        return services;
    }

    /** The status of each task definition the services run, by account, Region and ARN: one DescribeTaskDefinition each. */
    private static Map<String, Answer<String>> taskDefinitions(List<ServicePlan> steps, Map<String, Answer<EcsService>> services,
                                                               ReadinessContext context) {
        Map<String, Callable<String>> reads = new LinkedHashMap<>();
        for (ServicePlan step : steps) {
            Answer<EcsService> service = services.get(step.path());
            if (service != null && service.value() != null && service.value().taskDefinition() != null) {
                String definition = service.value().taskDefinition();
                reads.putIfAbsent(scope(step, context) + "|" + definition, () -> context.aws(step).ecs().taskDefinitionStatus(step.region(), definition));
            }
        }
        return Answer.readAll(context, reads);
    }

    private static Finding finding(ServicePlan step, ReadinessContext context, Answer<String> cluster, Answer<EcsService> read,
                                   Map<String, Answer<String>> definitions) {
        String resource = "ECS service " + step.cluster() + "/" + step.service() + " (" + step.region() + ")";
        if (cluster.error() != null) {
            return withoutCluster(step, context, resource, cluster.error(), read, definitions);
        }
        return found(step, context, resource, cluster, read, definitions, "ACTIVE in an ACTIVE cluster");
    }

    /**
     * The finding when the cluster's status could not be read: the service's own finding where that one is CRITICAL (a
     * missing service fails failover whatever the cluster), otherwise a warning that says what the service read showed
     * and that the cluster was not checked, naming the role the read went through.
     */
    private static Finding withoutCluster(ServicePlan step, ReadinessContext context, String resource, RuntimeException clusterError,
                                          Answer<EcsService> read, Map<String, Answer<String>> definitions) {
        Finding unreadable = context.unchecked(step, step.path() + ".cluster", resource, "the ECS cluster's status", clusterError);
        if (read == null) {
            return unreadable;
        }
        if (read.error() != null && !(read.error() instanceof AwsServiceError e && e.is("ClusterNotFoundException"))) {
            return context.unchecked(step, step.path(), resource, "the ECS cluster and service", read.error());
        }
        Finding service = found(step, context, resource, new Answer<>("ACTIVE", null), read, definitions, "ACTIVE");
        if (service.severity() == Severity.CRITICAL) {
            return service;
        }
        return Finding.of(Severity.WARNING, Finding.Category.UNCHECKED, unreadable.path(), resource, unreadable.problem()
                + "; the service itself: " + service.problem(), unreadable.fix());
    }

    private static Finding found(ServicePlan step, ReadinessContext context, String resource, Answer<String> cluster,
                                 Answer<EcsService> read, Map<String, Answer<String>> definitions, String active) {
        if (cluster.value() == null || read != null && read.error() instanceof AwsServiceError e && e.is("ClusterNotFoundException")) {
            return Finding.of(Severity.CRITICAL, Finding.Category.EXISTENCE, step.path() + ".cluster", resource, "ECS cluster '"
                    + step.cluster() + "' not found in " + step.region() + ": failover cannot scale its service",
                    "redeploy the stack that creates the cluster, or correct the plan's cluster");
        }
        if (!"ACTIVE".equals(cluster.value())) {
            return Finding.of(Severity.CRITICAL, Finding.Category.EXISTENCE, step.path() + ".cluster", resource, "ECS cluster '"
                    + step.cluster() + "' is " + cluster.value() + ", not ACTIVE: its services cannot be scaled",
                    "recreate the cluster and its services (redeploy their stack), or correct the plan's cluster");
        }
        if (read.error() != null) {
            return context.unchecked(step, step.path(), resource, "the ECS service", read.error());
        }
        EcsService service = read.value();
        if (service == null) {
            return Finding.of(Severity.CRITICAL, Finding.Category.EXISTENCE, step.path() + ".service", resource, "ECS service '"
                    + step.service() + "' not found in cluster '" + step.cluster() + "' in " + step.region() + ": failover cannot scale it",
                    "redeploy the stack that creates the service, or correct the plan's service");
        }
        if (!"ACTIVE".equals(service.status())) {
            return Finding.of(Severity.CRITICAL, Finding.Category.EXISTENCE, step.path() + ".service", resource, "ECS service '"
                    + step.service() + "' is " + service.status() + ", not ACTIVE: it is being deleted and cannot be scaled",
                    "recreate the service (redeploy its stack), or correct the plan's service");
        }
        String counts = "desired " + service.desiredCount() + ", running " + service.runningCount() + "; failover sets "
                + (step.followsPrimary() ? "the primary service's share" : String.valueOf(step.recoveryDesiredCount()));
        if (service.taskDefinition() == null) {
            return Finding.of(Severity.INFO, Finding.Category.EXISTENCE, step.path(), resource, active + " (" + counts
                    + "); the answer named no task definition to check", "none");
        }
        Answer<String> definitionRead = definitions.get(scope(step, context) + "|" + service.taskDefinition());
        if (definitionRead.error() instanceof AwsServiceError e && e.is("ClientException")) {
            return Finding.of(Severity.WARNING, Finding.Category.EXISTENCE, step.path() + ".service", resource, "the service's task"
                            + " definition " + service.taskDefinition() + " could not be read (" + e.getMessage() + "): failover scales on"
                            + " a task definition that may be gone", "deploy the service with a registered task definition (redeploy its stack)");
        }
        if (definitionRead.error() != null) {
            return context.unchecked(step, step.path(), resource, "the task definition " + service.taskDefinition(), definitionRead.error());
        }
        String definition = definitionRead.value();
        if (!"ACTIVE".equals(definition)) {
            return Finding.of(Severity.WARNING, Finding.Category.EXISTENCE, step.path() + ".service", resource, "the service runs task"
                            + " definition " + service.taskDefinition() + ", which is " + definition + ", not ACTIVE"
                            + ("INACTIVE".equals(definition) ? " (deregistered)" : "") + ": ECS still scales the service on it for now,"
                            + " but no new deployment can use it, and once it is deleted the service cannot start new tasks",
                    "register the task definition again and deploy the service with it (redeploy its stack)");
        }
        return Finding.of(Severity.INFO, Finding.Category.EXISTENCE, step.path(), resource, active + ", task definition "
                + service.taskDefinition() + " ACTIVE (" + counts + ")", "none");
    }

    /** The account (as {@link ReadinessContext#account} keys it) and Region a step's reads go to. */
    private static String scope(ServicePlan step, ReadinessContext context) {
        return context.account(step) + "|" + step.region();
    }

    private static String clusterKey(ServicePlan step, ReadinessContext context) {
        return scope(step, context) + "|" + step.cluster();
    }

    private static Map<String, List<ServicePlan>> byScope(List<ServicePlan> steps, ReadinessContext context) {
        Map<String, List<ServicePlan>> byScope = new LinkedHashMap<>();
        steps.forEach(step -> byScope.computeIfAbsent(scope(step, context), k -> new ArrayList<>()).add(step));
        return byScope;
    }
}

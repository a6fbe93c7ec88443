package io.github.drkit.runtime.aws.api;

import java.util.ArrayList;
import java.util.List;

import io.github.drkit.runtime.aws.QueryProtocol;
import io.github.drkit.runtime.aws.QueryProtocol.Params;
import io.github.drkit.runtime.aws.Xml;

/** The IAM operations readiness needs: the policy simulator, asked about the function's own role. */
public final class IamApi {
    /** A page of the simulator's answer: the service's largest. */
    private static final int PAGE_SIZE = 1000;

    private final QueryProtocol query;
    private final String region;

    /**
     * @param query  IAM over the Query protocol (version 2010-05-08)
     * @param region any Region of the partition: IAM is global, its endpoint and signing Region follow the partition
     */
    public IamApi(QueryProtocol query, String region) {
        this.query = query;
        this.region = region;
    }

    /**
     * Simulates every action on every resource for {@code principalArn}'s policies (identity policies, boundary,
     * organization policies), following the answer's pages. One result per action and resource.
     */
    public List<PolicySimulation> simulatePrincipalPolicy(String principalArn, List<String> actions, List<String> resources,
            List<SimulationContext> contextEntries) {
        List<PolicySimulation> results = new ArrayList<>();
        String marker = null;
        do {
            Params params = Params.of().put("PolicySourceArn", principalArn).list("ActionNames.member", actions)
                    .list("ResourceArns.member", resources);
            for (int i = 0; i < contextEntries.size(); i++) {
                SimulationContext entry = contextEntries.get(i);
                String prefix = "ContextEntries.member." + (i + 1);
                params.put(prefix + ".ContextKeyName", entry.key()).list(prefix + ".ContextKeyValues.member", entry.values())
                        .put(prefix + ".ContextKeyType", entry.type());
            }
            params.put("MaxItems", PAGE_SIZE).put("Marker", marker);
            Xml result = query.call(region, "SimulatePrincipalPolicy", params).first("SimulatePrincipalPolicyResult");
            for (Xml evaluation : result.all("EvaluationResults/member")) {
                String resource = evaluation.text("EvalResourceName");
                results.add(new PolicySimulation(evaluation.text("EvalActionName"), resource == null ? "*" : resource,
                        PolicySimulation.Decision.fromWire(evaluation.text("EvalDecision"))));
            }
            marker = Boolean.TRUE.equals(result.bool("IsTruncated")) ? result.text("Marker") : null;
        } while (marker != null);
        return List.copyOf(results);
    }
}

package io.github.drkit.lambda;

import java.util.Map;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.aws.AwsServiceError;
import io.github.drkit.runtime.engine.InvalidRequestException;
import io.github.drkit.plan.PlanValidationException;
import io.github.drkit.plan.RecoveryPlan;

/**
 * Where the Lambda function finds its plan: inline in {@code DRKIT_PLAN}, or in the SSM parameter named by
 * {@code DRKIT_PLAN_PARAMETER} (for plans above the 4 KB environment limit), read in the function's Region.
 */
final class PlanSource {
    static final String INLINE = io.github.drkit.plan.PlanEnvironment.PLAN;
    static final String PARAMETER = io.github.drkit.plan.PlanEnvironment.PLAN_PARAMETER;

    private PlanSource() {
    }

    static RecoveryPlan load(Map<String, String> env, AwsClients aws) {
        String inline = blankToNull(env.get(INLINE));
        String parameter = blankToNull(env.get(PARAMETER));
        if (inline != null && parameter != null) {
            throw new InvalidRequestException(INLINE, "and " + PARAMETER + " are both set; set one");
        }
        if (inline != null) {
            return RecoveryPlan.parse(inline);
        }
        if (parameter == null) {
            throw new InvalidRequestException(INLINE, "is not set, nor is " + PARAMETER + "; the function has no plan");
        }
        String json;
        try {
            json = aws.ssm().parameter(aws.defaultRegion().id(), parameter);
        } catch (AwsServiceError e) {
            if (!e.is("ParameterNotFound")) {
                throw e;
            }
            throw new PlanValidationException(PARAMETER, "SSM parameter '" + parameter + "' not found in " + aws.defaultRegion().id());
        }
        return RecoveryPlan.parse(json);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

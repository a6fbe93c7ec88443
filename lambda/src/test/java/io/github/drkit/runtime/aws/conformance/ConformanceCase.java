package io.github.drkit.runtime.aws.conformance;

import java.util.Set;
import java.util.function.Function;

import io.github.drkit.runtime.aws.AwsClients;

/**
 * One operation of a runtime facade and the same logical call through the AWS SDK's client.
 *
 * @param facadeMethod the facade's method, {@code Ec2Api.instanceStates}
 * @param answer       the AWS-shaped answer both get
 * @param runtime      the call through the runtime's facade; returns what the facade returns
 * @param sdk          the call through the SDK's client; maps the SDK's answer to the facade's value type
 * @param volatileParameters request parameters whose value differs on every call (client tokens, times): only
 *                     their presence is compared
 */
record ConformanceCase(String facadeMethod, CannedAnswer answer, Function<AwsClients, Object> runtime,
                       Function<SdkClients, Object> sdk, Set<String> volatileParameters) {

    ConformanceCase(String facadeMethod, CannedAnswer answer, Function<AwsClients, Object> runtime, Function<SdkClients, Object> sdk) {
        this(facadeMethod, answer, runtime, sdk, Set.of());
    }

    @Override
    public String toString() {
        return facadeMethod;
    }
}

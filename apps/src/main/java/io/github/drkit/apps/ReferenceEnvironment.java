package io.github.drkit.apps;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;

/**
 * Where the reference app deploys: one account, a primary and a recovery Region.
 *
 * <p>Synth needs no AWS credentials: the account comes from the {@code account} context value, then
 * {@code CDK_DEFAULT_ACCOUNT}, then a placeholder that is fine for synth and emulators but not for a real
 * deploy. The Regions come from the {@code primaryRegion} and {@code recoveryRegion} context values.
 */
public final class ReferenceEnvironment {
    /** An account id that no one owns; {@code cdk deploy} needs the real one ({@code -c account=...}). */
    public static final String PLACEHOLDER_ACCOUNT = "111111111111";
    public static final String DEFAULT_PRIMARY_REGION = "us-east-1";
    public static final String DEFAULT_RECOVERY_REGION = "us-west-2";
    public static final String ROUTE53_METRICS_REGION = "us-east-1";

    private final String account;
    private final String primaryRegion;
    private final String recoveryRegion;

    private ReferenceEnvironment(String account, String primaryRegion, String recoveryRegion) {
        if (primaryRegion.equals(recoveryRegion)) {
            throw new IllegalArgumentException("ReferenceApp: recoveryRegion must differ from primaryRegion (both " + primaryRegion + ")");
        }
        this.account = account;
        this.primaryRegion = primaryRegion;
        this.recoveryRegion = recoveryRegion;
    }

    public static ReferenceEnvironment from(App app) {
        String account = firstNonBlank(context(app, "account"), System.getenv("CDK_DEFAULT_ACCOUNT"), PLACEHOLDER_ACCOUNT);
        return new ReferenceEnvironment(account,
                firstNonBlank(context(app, "primaryRegion"), DEFAULT_PRIMARY_REGION),
                firstNonBlank(context(app, "recoveryRegion"), DEFAULT_RECOVERY_REGION));
    }

    /**
     * The same account with Regions a strategy chooses for itself: a platform team picks its Regions per application,
     * not once for every stack it owns.
     */
    public ReferenceEnvironment inRegions(String primaryRegion, String recoveryRegion) {
        return new ReferenceEnvironment(account, primaryRegion, recoveryRegion);
    }

    public String account() {
        return account;
    }

    public String primaryRegion() {
        return primaryRegion;
    }

    public String recoveryRegion() {
        return recoveryRegion;
    }

    public Environment primary() {
        return Environment.builder().account(account).region(primaryRegion).build();
    }

    public Environment recovery() {
        return Environment.builder().account(account).region(recoveryRegion).build();
    }

    /** us-east-1: the one Region where Route 53 publishes health-check metrics to CloudWatch. */
    public Environment route53Home() {
        return Environment.builder().account(account).region(ROUTE53_METRICS_REGION).build();
    }

    private static String context(App app, String key) {
        Object value = app.getNode().tryGetContext(key);
        return value == null ? null : value.toString();
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        throw new IllegalStateException("no value");
    }
}

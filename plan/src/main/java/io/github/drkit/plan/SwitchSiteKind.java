package io.github.drkit.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** {@code switchSite}: publish a site's switch metric ({@link SiteSwitchPlan}); failback publishes the normal value. */
public final class SwitchSiteKind implements StepKind<SiteSwitchPlan> {
    public static final String NAME = "switchSite";
    private static final Pattern NAME_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern NAMESPACE = Pattern.compile("[^:].{0,254}");
    private static final Pattern METRIC_NAME = Pattern.compile(".{1,255}");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<SiteSwitchPlan> type() {
        return SiteSwitchPlan.class;
    }

    @Override
    public SiteSwitchPlan read(Fields fields, StepContext context) {
        String region = context.region(fields, "region");
        String site = fields.requiredMatching("site", NAME_PATTERN, "must be 1-128 letters, digits, '.', '_' or '-'");
        String namespace = fields.requiredMatching("namespace", NAMESPACE, "must be a CloudWatch namespace: 1-255 characters, not starting with ':'");
        if (namespace.startsWith("AWS/")) {
            throw new PlanValidationException(fields.child("namespace"), "must not start with 'AWS/' (got '" + namespace + "'): that prefix is reserved for AWS metrics");
        }
        String metricName = fields.requiredMatching("metricName", METRIC_NAME, "must be 1-255 characters");
        Map<String, String> dimensions = new LinkedHashMap<>();
        Fields dimensionFields = fields.optionalObject("dimensions");
        if (dimensionFields != null) {
            fields.raw("dimensions");
            for (String key : dimensionFields.names()) {
                dimensions.put(key, dimensionFields.requiredString(key));
            }
            if (dimensions.size() > 30) {
                throw new PlanValidationException(fields.child("dimensions"), "must have at most 30 dimensions (got " + dimensions.size() + ")");
            }
        }
        double normalValue = fields.requiredNumber("normalValue");
        double failoverValue = fields.requiredNumber("failoverValue");
        fields.finish();
        if (normalValue == failoverValue) {
            throw new PlanValidationException(fields.child("failoverValue"), "must differ from normalValue (both are " + normalValue + ")");
        }
        return new SiteSwitchPlan(region, site, namespace, metricName, dimensions, normalValue, failoverValue, fields.path());
    }

    @Override
    public Map<String, Object> write(SiteSwitchPlan siteSwitch) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", siteSwitch.region());
        m.put("site", siteSwitch.site());
        m.put("namespace", siteSwitch.namespace());
        m.put("metricName", siteSwitch.metricName());
        m.put("dimensions", new LinkedHashMap<>(new TreeMap<>(siteSwitch.dimensions())));
        m.put("normalValue", PlanWriter.number(siteSwitch.normalValue()));
        m.put("failoverValue", PlanWriter.number(siteSwitch.failoverValue()));
        return m;
    }

    @Override
    public void checkAcross(List<SiteSwitchPlan> switches) {
        Uniqueness.unique(switches, s -> s.region() + "/" + s.namespace() + "/" + s.metricName() + "/" + new TreeMap<>(s.dimensions()),
                SiteSwitchPlan::path, "metricName", "site switch metric");
    }

    /** Traffic goes back first, while the recovery Region's compute still serves it. */
    @Override
    public OptionalInt failbackRank() {
        return OptionalInt.of(10);
    }

    @Override
    public String version1Field() {
        return "siteSwitches";
    }

    @Override
    public String version1Stage() {
        return "traffic";
    }
}

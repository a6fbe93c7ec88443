package io.github.drkit.objectives.pricing;

import static io.github.drkit.objectives.pricing.TemplateValues.asList;
import static io.github.drkit.objectives.pricing.TemplateValues.asMap;
import static io.github.drkit.objectives.pricing.TemplateValues.gb;
import static io.github.drkit.objectives.pricing.TemplateValues.num;
import static io.github.drkit.objectives.pricing.TemplateValues.str;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An S3 bucket's storage, from a size given with {@code StandbyCost.storageEstimate}, split across the
 * storage classes its lifecycle moves data through ({@link #lifecycleShares}).
 */
final class BucketPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::S3::Bucket";
    }

    @Override
    public boolean usesStorageEstimate() {
        return true;
    }

    @Override
    public void price(PricedResource r) {
        Double size = r.getStorageEstimateGb();
        if (size == null) {
            r.unpriced("storage not priced; give a size with StandbyCost.storageEstimate");
            return;
        }
        for (Map.Entry<String, Double> share : lifecycleShares(r.getProperties()).entrySet()) {
            double gbInClass = size * share.getValue();
            r.charge("s3:" + share.getKey(), gbInClass, gb(gbInClass) + " GB " + share.getKey()
                    + (share.getValue() < 1 ? String.format(Locale.ROOT, " (%.0f %% of %s GB by lifecycle)",
                    share.getValue() * 100, gb(size)) : ""));
        }
    }

    /**
     * The share of a bucket's data in each storage class at steady state, from its first enabled
     * lifecycle rule. With a constant write rate and objects expiring after E days, an object spends
     * (next transition - this transition) days of its E in each class, so that class holds that
     * fraction of the data. Without an expiration the data accumulates in the last class, which is
     * where it all is in the long run.
     */
    static Map<String, Double> lifecycleShares(Map<String, Object> bucketProps) {
        Map<String, Object> rule = null;
        for (Object o : asList(asMap(bucketProps.get("LifecycleConfiguration")).get("Rules"))) {
            Map<String, Object> m = asMap(o);
            if ("Enabled".equals(str(m.get("Status"))) && (m.containsKey("Transitions") || m.containsKey("Transition")
                    || m.containsKey("ExpirationInDays"))) {
                rule = m;
                break;
            }
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        if (rule == null) {
            shares.put("STANDARD", 1.0);
            return shares;
        }
        TreeMap<Double, String> starts = new TreeMap<>();
        starts.put(0.0, "STANDARD");
        List<Object> transitions = new ArrayList<>(asList(rule.get("Transitions")));
        if (rule.containsKey("Transition")) {
            transitions.add(rule.get("Transition"));
        }
        for (Object t : transitions) {
            Double day = num(asMap(t).get("TransitionInDays"));
            String cls = str(asMap(t).get("StorageClass"));
            if (day != null && cls != null) {
                starts.put(day, cls);
            }
        }
        Double expiration = num(rule.get("ExpirationInDays"));
        if (expiration == null) {
            shares.put(starts.lastEntry().getValue(), 1.0);
            return shares;
        }
        List<Double> days = new ArrayList<>(starts.keySet());
        for (int i = 0; i < days.size(); i++) {
            double from = days.get(i);
            double to = Math.min(i + 1 < days.size() ? days.get(i + 1) : expiration, expiration);
            if (to > from) {
                shares.merge(starts.get(from), (to - from) / expiration, Double::sum);
            }
        }
        if (shares.isEmpty()) {
            shares.put("STANDARD", 1.0);
        }
        return shares;
    }
}

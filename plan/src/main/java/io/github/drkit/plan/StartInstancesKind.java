package io.github.drkit.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** {@code startInstances}: start stopped EC2 instances of one Region ({@link InstancePlan}); failback stops them. */
public final class StartInstancesKind implements StepKind<InstancePlan> {
    public static final String NAME = "startInstances";
    private static final Pattern INSTANCE_ID = Pattern.compile("i-[0-9a-f]{8}([0-9a-f]{9})?");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<InstancePlan> type() {
        return InstancePlan.class;
    }

    @Override
    public InstancePlan read(Fields group, StepContext context) {
        String region = context.region(group, "region");
        List<String> ids = group.list("instanceIds", (element, elementPath) -> {
            String id = Fields.text(element);
            if (id == null || !context.isUnresolved(id) && !INSTANCE_ID.matcher(id).matches()) {
                throw new PlanValidationException(elementPath, "must be an EC2 instance id, i- and 8 or 17 hex digits (got "
                        + Fields.describe(element) + ")");
            }
            return id;
        });
        if (ids.isEmpty()) {
            throw new PlanValidationException(group.child("instanceIds"), "must list at least one instance id");
        }
        group.finish();
        return new InstancePlan(region, ids, group.path());
    }

    @Override
    public Map<String, Object> write(InstancePlan instances) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", instances.region());
        m.put("instanceIds", new ArrayList<>(instances.instanceIds()));
        return m;
    }

    @Override
    public void checkAcross(List<InstancePlan> groups) {
        Map<String, String> seen = new HashMap<>();
        for (InstancePlan group : groups) {
            for (int i = 0; i < group.instanceIds().size(); i++) {
                String id = group.instanceIds().get(i);
                String path = group.path() + ".instanceIds[" + i + "]";
                String previous = seen.putIfAbsent(group.region() + "/" + id, path);
                if (previous != null) {
                    throw new PlanValidationException(path, "names instance " + id + " again (first at " + previous + ")");
                }
            }
        }
    }

    /** Compute goes back after traffic has left it. */
    @Override
    public OptionalInt failbackRank() {
        return OptionalInt.of(20);
    }

    @Override
    public String version1Field() {
        return "instances";
    }

    @Override
    public String version1Stage() {
        return "compute";
    }
}

package io.github.drkit.plan;

import java.util.regex.Pattern;

/**
 * The one rule for an Availability Zone a step names: its form (a zone such as {@code us-west-2a}, or a Local Zone such as
 * {@code us-west-2-lax-1a}) and that it lies in the step's Region, where the step's recovery points are.
 */
final class AvailabilityZones {
    /** The form of a zone name, Local Zones included. */
    static final Pattern ZONE = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+(-[a-z0-9]+)*[a-z]");
    /** The rule in words, for messages. */
    static final String RULE = "an Availability Zone name such as us-west-2a (or a Local Zone such as us-west-2-lax-1a)";

    private AvailabilityZones() {
    }

    /** us-west-2a, and Local Zones such as us-west-2-lax-1a, are zones of us-west-2. */
    static boolean inRegion(String zone, String region) {
        if (!zone.startsWith(region) || zone.length() == region.length()) {
            return false;
        }
        char next = zone.charAt(region.length());
        return zone.length() == region.length() + 1 ? Character.isLowerCase(next) : next == '-';
    }

    /**
     * Refuses a zone outside the step's Region, naming the field, the zone and the rule.
     *
     * @param what why the zone must be there, e.g. "the volume is restored where the snapshot copies are"
     */
    static void requireInRegion(String field, String zone, String region, String what) {
        if (!inRegion(zone, region)) {
            throw new PlanValidationException(field, "must be an Availability Zone of the step's Region " + region + " (got '" + zone + "'): "
                    + what);
        }
    }
}

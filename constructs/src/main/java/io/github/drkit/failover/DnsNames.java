package io.github.drkit.failover;

import io.github.drkit.internal.plan.Checks;
import software.amazon.awscdk.services.route53.IHostedZone;

/** Record names: relative ones ("app") are qualified with the zone; results end with a dot. */
public final class DnsNames {
    private DnsNames() {
    }

    public static String qualify(String name, IHostedZone zone) {
        String zoneName = zone.getZoneName();
        if (Checks.isToken(name) || Checks.isToken(zoneName)) {
            return name;
        }
        String z = zoneName.endsWith(".") ? zoneName : zoneName + ".";
        String n = name.endsWith(".") ? name : name + ".";
        if (n.equalsIgnoreCase(z) || n.toLowerCase(java.util.Locale.ROOT).endsWith("." + z.toLowerCase(java.util.Locale.ROOT))) {
            return n;
        }
        return n + z;
    }
}

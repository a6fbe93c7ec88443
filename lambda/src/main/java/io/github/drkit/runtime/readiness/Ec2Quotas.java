package io.github.drkit.runtime.readiness;

import java.util.List;
import java.util.Locale;

/**
 * Which Service Quotas code counts the On-Demand vCPUs of an instance type: EC2 counts running On-Demand instances
 * per family group, in vCPUs, per Region. Pure function, no AWS call.
 */
final class Ec2Quotas {
    /** Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances. */
    static final String STANDARD = "L-1216C47A";

    /** Families named by more than one letter, checked before the one-letter families. */
    private static final List<String[]> PREFIXES = List.of(
            new String[] {"inf", "L-1945791B"},
            new String[] {"trn", "L-2C3B7624"},
            new String[] {"dl", "L-6E869C2A"},
            new String[] {"vt", "L-DB2E81BA"},
            new String[] {"u-", "L-43DA4232"});

    private Ec2Quotas() {
    }

    /** The quota code for {@code instanceType}, e.g. {@code m5.large}; null for a family with no On-Demand vCPU quota known here. */
    static String onDemandVCpuQuota(String instanceType) {
        String type = instanceType.toLowerCase(Locale.ROOT);
        if (type.startsWith("hpc") || type.startsWith("mac")) {
            return null;
        }
        for (String[] prefix : PREFIXES) {
            if (type.startsWith(prefix[0])) {
                return prefix[1];
            }
        }
        return switch (type.charAt(0)) {
            case 'a', 'c', 'd', 'h', 'i', 'm', 'r', 't', 'z' -> STANDARD;
            case 'f' -> "L-74FC7D96";
            case 'g' -> "L-DB2E81BA";
            case 'p' -> "L-417A185B";
            case 'x' -> "L-7295265B";
            default -> null;
        };
    }
}

package io.github.drkit.plan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/**
 * The AWS Regions a plan may name, from {@code regions.txt} beside this class. Both halves check Regions against
 * this one list, so a plan the constructs accept names no Region the runtime refuses.
 */
public final class Regions {
    private static final Set<String> KNOWN = load();

    private Regions() {
    }

    /** True when {@code region} is an AWS Region code this plan model knows, such as {@code us-west-2}. */
    public static boolean isKnown(String region) {
        return KNOWN.contains(region);
    }

    /**
     * The partition a Region belongs to, as ARNs name it: {@code aws-cn} for China, {@code aws-us-gov} for GovCloud, the
     * isolated partitions by their prefixes, {@code aws} for the rest.
     */
    public static String partition(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        if (region.startsWith("us-isob-")) {
            return "aws-iso-b";
        }
        if (region.startsWith("us-isof-")) {
            return "aws-iso-f";
        }
        if (region.startsWith("eu-isoe-")) {
            return "aws-iso-e";
        }
        if (region.startsWith("us-iso-")) {
            return "aws-iso";
        }
        return "aws";
    }

    /** Every known Region code, sorted. */
    public static Set<String> all() {
        return KNOWN;
    }

    private static Set<String> load() {
        Set<String> regions = new TreeSet<>();
        try (InputStream in = Regions.class.getResourceAsStream("regions.txt")) {
            if (in == null) {
                throw new IllegalStateException("regions.txt is missing beside " + Regions.class.getName());
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String region = line.strip();
                if (!region.isEmpty() && !region.startsWith("#")) {
                    regions.add(region);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return java.util.Collections.unmodifiableSet(regions);
    }
}

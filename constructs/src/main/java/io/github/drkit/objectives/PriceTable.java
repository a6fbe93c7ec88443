package io.github.drkit.objectives;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * On-demand prices for the resources a standby keeps running, by Region and key (e.g.
 * {@code ec2:t3.small} per hour, {@code s3:GLACIER} per GB-month), read from a CSV whose header
 * lines state the date and source of the figures. The table shipped with drkit
 * ({@link #bundled()}) is approximate and meant to compare strategies, not to bill.
 *
 * <p>Format: optional {@code # asOf: ...}, {@code # source: ...} and {@code # note: ...} header lines,
 * then rows {@code region,key,unit,usd,source,asOf} where unit is {@code hour}, {@code month} or
 * {@code gb-month}, source is the page the price was read from and asOf when. A row of only
 * {@code region,key,unit,usd} takes the header's source and date, so a table of such rows needs both
 * header lines.
 */
public final class PriceTable {
    static final String RESOURCE = "prices.csv";
    private static final Set<String> UNITS = Set.of("hour", "month", "gb-month");

    private final String asOf;
    private final String source;
    private final String note;
    private final Map<String, Double> usd;
    private final Map<String, String> units;
    private final Map<String, String> provenance;
    private final Set<String> regions;

    private PriceTable(String asOf, String source, String note, Map<String, Double> usd, Map<String, String> units,
            Map<String, String> provenance, Set<String> regions) {
        this.asOf = asOf;
        this.source = source;
        this.note = note;
        this.usd = Map.copyOf(usd);
        this.units = Map.copyOf(units);
        this.provenance = Map.copyOf(provenance);
        this.regions = Set.copyOf(regions);
    }

    /** The table shipped in the drkit-constructs jar. */
    public static PriceTable bundled() {
        try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("PriceTable: resource " + RESOURCE + " is missing from the classpath");
            }
            return parse(RESOURCE, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a table in the format above; {@code name} appears in error messages. */
    public static PriceTable parse(String name, Reader reader) {
        String asOf = null;
        String source = null;
        String note = "";
        Map<String, Double> usd = new HashMap<>();
        Map<String, String> units = new HashMap<>();
        Map<String, String> provenance = new HashMap<>();
        int rowsWithoutSource = 0;
        Set<String> regions = new LinkedHashSet<>();
        try (BufferedReader r = new BufferedReader(reader)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                line = line.strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (line.startsWith("#")) {
                    String h = line.substring(1).strip();
                    if (h.startsWith("asOf:")) {
                        asOf = h.substring(5).strip();
                    } else if (h.startsWith("source:")) {
                        source = h.substring(7).strip();
                    } else if (h.startsWith("note:")) {
                        note = h.substring(5).strip();
                    }
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 6 && f.length != 4) {
                    throw new IllegalArgumentException("PriceTable " + name + " line " + n
                            + ": expected region,key,unit,usd,source,asOf (got '" + line + "')");
                }
                if (f.length == 6 && (f[4].isBlank() || f[5].isBlank())) {
                    throw new IllegalArgumentException("PriceTable " + name + " line " + n
                            + ": source and asOf must not be empty (got '" + line + "')");
                }
                if (!UNITS.contains(f[2])) {
                    throw new IllegalArgumentException("PriceTable " + name + " line " + n + ": unit must be one of "
                            + UNITS.stream().sorted().toList() + " (got '" + f[2] + "')");
                }
                double price;
                try {
                    price = Double.parseDouble(f[3]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("PriceTable " + name + " line " + n + ": usd must be a number (got '"
                            + f[3] + "')", e);
                }
                if (price < 0) {
                    throw new IllegalArgumentException("PriceTable " + name + " line " + n + ": usd must not be negative "
                            + "(got " + f[3] + ")");
                }
                String previous = units.put(f[1], f[2]);
                if (previous != null && !previous.equals(f[2])) {
                    throw new IllegalArgumentException("PriceTable " + name + " line " + n + ": key " + f[1]
                            + " has unit " + f[2] + " here and " + previous + " before");
                }
                usd.put(f[0] + "|" + f[1], price);
                if (f.length == 6) {
                    provenance.put(f[0] + "|" + f[1], f[4].strip() + ", " + f[5].strip());
                } else {
                    rowsWithoutSource++;
                }
                regions.add(f[0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rowsWithoutSource > 0 && (asOf == null || source == null)) {
            throw new IllegalArgumentException("PriceTable " + name + ": the '# asOf:' and '# source:' header lines are "
                    + "required when a row has no source and asOf columns (" + rowsWithoutSource + " such rows), so every "
                    + "figure can be traced (got asOf=" + asOf + ", source=" + source + ")");
        }
        if (rowsWithoutSource > 0) {
            for (String k : usd.keySet()) {
                provenance.putIfAbsent(k, source + ", " + asOf);
            }
        }
        return new PriceTable(asOf == null ? "see each row" : asOf, source == null ? "see each row" : source, note, usd,
                units, provenance, regions);
    }

    /** When the figures were taken, e.g. "2025-01". */
    public String asOf() {
        return asOf;
    }

    /** Where they were taken from. */
    public String source() {
        return source;
    }

    /** What they include and leave out. */
    public String note() {
        return note;
    }

    public Set<String> regions() {
        return regions;
    }

    /** The price of a key in a Region in USD per {@link #unit(String)}, or empty when the table has none. */
    public OptionalDouble price(String region, String key) {
        Double p = usd.get(Objects.requireNonNull(region, "region") + "|" + Objects.requireNonNull(key, "key"));
        return p == null ? OptionalDouble.empty() : OptionalDouble.of(p);
    }

    /** Where and when the price of a key in a Region was read ("page, asOf"), or null when the table has none. */
    public String sourceOf(String region, String key) {
        return provenance.get(Objects.requireNonNull(region, "region") + "|" + Objects.requireNonNull(key, "key"));
    }

    /** "hour", "month" or "gb-month"; null for an unknown key. */
    public String unit(String key) {
        return units.get(key);
    }

    /** The monthly price of one unit-hour, month or GB-month of a key, or empty. */
    public OptionalDouble monthly(String region, String key) {
        OptionalDouble p = price(region, key);
        if (p.isEmpty()) {
            return p;
        }
        return OptionalDouble.of("hour".equals(units.get(key)) ? p.getAsDouble() * AwsFigures.HOURS_PER_MONTH
                : p.getAsDouble());
    }
}

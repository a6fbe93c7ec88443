package io.github.drkit.apps.drill;

import java.util.List;
import java.util.Locale;

import io.github.drkit.apps.drill.DrillReport.BudgetTerm;
import io.github.drkit.apps.drill.DrillReport.RtoComparison;
import io.github.drkit.apps.drill.DrillReport.StepRecord;
import io.github.drkit.apps.drill.DrillReport.StrategyDrill;

/**
 * The drill as a picture: per strategy, a timeline of its steps as they ran in the emulator (one bar per
 * step, coloured by kind, failed steps outlined in red), and below it the projected RTO as a stacked bar —
 * measured orchestration, then each physical term from the budget — against the declared objective.
 * Plain SVG 1.1 that any browser opens; no script, no external resource.
 */
public final class TimelineSvg {
    private static final int WIDTH = 1100;
    private static final int LABEL = 300;
    private static final int CHART = WIDTH - LABEL - 40;
    private static final int ROW = 20;

    private TimelineSvg() {
    }

    public static String render(DrillReport report) {
        StringBuilder body = new StringBuilder();
        int y = 40;
        text(body, 20, 24, "drkit DR drill — " + report.strategies().size() + " strateg" + (report.strategies().size() == 1 ? "y" : "ies")
                + ", " + (report.passed() ? "PASSED" : "FAILED") + ", " + Durations.millis(report.millis()) + " — " + report.emulator(), 16, "bold", "#111");
        legend(body, 20, y);
        y += 46;
        for (StrategyDrill s : report.strategies()) {
            y = strategy(body, s, y) + 30;
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH + "\" height=\"" + (y + 10) + "\" viewBox=\"0 0 "
                + WIDTH + " " + (y + 10) + "\" font-family=\"Helvetica, Arial, sans-serif\">\n"
                + "<defs><pattern id=\"budget\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                + "<rect width=\"6\" height=\"6\" fill=\"#fde6c4\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#e39b2d\" stroke-width=\"2\"/>"
                + "</pattern></defs>\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n" + body + "</svg>\n";
    }

    private static int strategy(StringBuilder out, StrategyDrill s, int y) {
        text(out, 20, y, s.name() + "  ·  " + nz(s.strategy()) + "  ·  " + s.from() + " → " + nz(s.recoveryRegion())
                + "  ·  " + (s.passed() ? "PASSED" : "FAILED"), 14, "bold", s.passed() ? "#17603a" : "#b00020");
        y += 12;
        List<StepRecord> steps = s.steps();
        long total = Math.max(1, steps.stream().mapToLong(st -> st.startMillis() + st.millis()).max().orElse(1));
        axis(out, y, total, "drill timeline (measured in the emulator)");
        y += 22;
        for (StepRecord step : steps) {
            double x = LABEL + (double) step.startMillis() / total * CHART;
            double w = Math.max(2, (double) step.millis() / total * CHART);
            text(out, 20, y + 14, cut(step.name(), 44), 11, "normal", "#222");
            out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"%s><title>%s</title></rect>%n",
                    x, y + 3, w, ROW - 6, colour(step.kind()), "FAILED".equals(step.outcome()) ? " stroke=\"#b00020\" stroke-width=\"2\"" : "",
                    esc(step.name() + ": " + step.outcome() + ", " + Durations.millis(step.millis()) + " — " + nz(step.detail()))));
            String label = Durations.millis(step.millis());
            int labelX = x + w + 4 + 130 > WIDTH ? (int) x - 4 - 110 : (int) (x + w + 4);
            text(out, labelX, y + 14, label
                    + ("FAILED".equals(step.outcome()) ? " FAILED" : "") + (step.injected().isEmpty() ? "" : " · " + step.injected().size() + " fault(s)"),
                    10, "normal", "FAILED".equals(step.outcome()) ? "#b00020" : "#555");
            y += ROW;
        }
        return rto(out, s.rto(), y + 16);
    }

    private static int rto(StringBuilder out, RtoComparison rto, int y) {
        if (rto == null) {
            return y;
        }
        long objective = rto.objectiveMillis() == null ? 0 : rto.objectiveMillis();
        long scale = Math.max(1, Math.max(rto.projectedRtoMillis(), Math.max(objective, rto.estimateMillis() == null ? 0 : rto.estimateMillis())));
        axis(out, y, scale, "projected RTO: measured orchestration + physical terms from the budget");
        y += 22;
        text(out, 20, y + 14, "projected RTO " + Durations.millis(rto.projectedRtoMillis()), 11, "bold", "#222");
        double x = LABEL;
        x = segment(out, x, y, rto.measuredOrchestrationMillis(), scale, "#2f6fdf", "failover orchestration (measured)");
        String[] shades = {"#f6c177", "#e39b2d", "#f3d9a4", "#c9822a", "#fbe3b8", "#a86b1f"};
        int i = 0;
        StringBuilder key = new StringBuilder("measured: orchestration " + Durations.millis(rto.measuredOrchestrationMillis()) + "   budget:");
        for (BudgetTerm t : rto.physical()) {
            x = segment(out, x, y, t.millis(), scale, shades[i++ % shades.length], t.name() + " (budget): " + t.basis());
            key.append("  ·  ").append(t.name()).append(' ').append(Durations.millis(t.millis()));
        }
        if (objective > 0) {
            double ox = LABEL + (double) objective / scale * CHART;
            out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#b00020\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>%n",
                    ox, y - 4, ox, y + ROW + 4));
            text(out, (int) Math.min(ox + 4, WIDTH - 140), y - 6, "objective " + Durations.millis(objective), 10, "bold", "#b00020");
        }
        // The key names each segment; it wraps so that it stays inside the picture.
        String rest = key.toString();
        int line = 0;
        while (!rest.isEmpty() && line < 4) {
            int cut = rest.length() <= 125 ? rest.length() : Math.max(rest.lastIndexOf("  ·  ", 125), 1);
            text(out, LABEL, y + ROW + 14 + line * 13, rest.substring(0, cut).strip(), 10, "normal", "#444");
            rest = rest.substring(cut).replaceFirst("^\\s*·\\s*", "");
            line++;
        }
        y += 16 + (line - 1) * 13;
        y += ROW + 6;
        text(out, 20, y + 12, "verdict: " + rto.verdict(), 11, "normal", Boolean.FALSE.equals(rto.fits()) ? "#b00020" : "#17603a");
        return y + 16;
    }

    private static double segment(StringBuilder out, double x, int y, long millis, long scale, String fill, String title) {
        double w = Math.max(millis > 0 ? 1.5 : 0, (double) millis / scale * CHART);
        out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" stroke=\"#fff\" stroke-width=\"0.5\"><title>%s</title></rect>%n",
                x, y + 3, w, ROW - 6, fill, esc(title + ", " + Durations.millis(millis))));
        if (w > 60) {
            text(out, (int) x + 3, y + 14, cut(title.replaceAll(" \\(.*", ""), (int) (w / 6)), 9, "normal", "#222");
        }
        return x + w;
    }

    private static void axis(StringBuilder out, int y, long total, String caption) {
        text(out, 20, y + 16, caption, 10, "italic", "#666");
        for (int i = 0; i <= 4; i++) {
            double x = LABEL + CHART * i / 4.0;
            out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n", x, y + 12, x, y + 18));
            if (i > 0) { // the caption takes the place of the zero label
                text(out, (int) x - (i == 4 ? 40 : 15), y + 10, Durations.millis(total * i / 4), 9, "normal", "#888");
            }
        }
    }

    private static void legend(StringBuilder out, int x, int y) {
        String[][] items = {{"drill", "deploy, resolve, repair, tear down"}, {"disaster", "primary site fails"},
                {"orchestration", "recovery engine (measured, part of the RTO)"}, {"verify", "state checked in the emulator"},
                {"budget", "physical term from the synth-time budget"}};
        int cx = x;
        int cy = y;
        for (String[] item : items) {
            int width = 16 + (item[0].length() + item[1].length() + 2) * 6 + 20;
            if (cx + width > WIDTH - 20) {
                cx = x;
                cy += 16;
            }
            String fill = item[0].equals("budget") ? "url(#budget)" : colour(item[0]);
            out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>%n", cx, cy, fill));
            text(out, cx + 16, cy + 10, item[0] + ": " + item[1], 10, "normal", "#333");
            cx += width;
        }
    }

    private static String colour(String kind) {
        return switch (kind) {
            case "orchestration" -> "#2f6fdf";
            case "disaster" -> "#d9534f";
            case "verify" -> "#3fa36b";
            default -> "#9aa3ad";
        };
    }

    private static void text(StringBuilder out, int x, int y, String s, int size, String weight, String fill) {
        String style = weight.equals("italic") ? "font-style=\"italic\"" : "font-weight=\"" + weight + "\"";
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" %s fill=\"%s\">%s</text>%n",
                x, y, size, style, fill, esc(s)));
    }

    private static String cut(String s, int width) {
        return width < 2 ? "" : s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String nz(String s) {
        return s == null ? "?" : s;
    }
}

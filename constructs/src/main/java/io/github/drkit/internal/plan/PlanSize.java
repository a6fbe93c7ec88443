package io.github.drkit.internal.plan;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Token;

/**
 * Estimates the deployed size of a plan before CloudFormation resolves its tokens, to decide whether
 * it fits in a Lambda environment variable (4 KB for all variables together) or needs an SSM
 * parameter. Every unresolved token counts as {@link #TOKEN_BYTES}, longer than any ARN, zone id
 * or DNS name a plan holds, so the estimate errs on the side of the parameter.
 */
public final class PlanSize {
    /** The longest value a token in a plan resolves to: an ALB target group ARN is about 110 bytes. */
    public static final int TOKEN_BYTES = 160;

    private PlanSize() {
    }

    public static int estimate(Object json) {
        StringBuilder out = new StringBuilder();
        int[] tokens = {0};
        write(json, out, tokens);
        return out.toString().getBytes(StandardCharsets.UTF_8).length + tokens[0] * TOKEN_BYTES;
    }

    private static void write(Object v, StringBuilder out, int[] tokens) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(String.valueOf(e.getKey()), out, tokens);
                out.append(':');
                write(e.getValue(), out, tokens);
            }
            out.append('}');
        } else if (v instanceof List<?> l) {
            out.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(l.get(i), out, tokens);
            }
            out.append(']');
        } else if (v instanceof String s) {
            if (Token.isUnresolved(s)) {
                tokens[0]++;
                out.append("\"\"");
            } else {
                out.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        } else if (v instanceof Number n && Token.isUnresolved(n)) {
            tokens[0]++;
        } else {
            out.append(v);
        }
    }
}

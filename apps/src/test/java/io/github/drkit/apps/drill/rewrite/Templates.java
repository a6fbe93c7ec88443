package io.github.drkit.apps.drill.rewrite;

import io.github.drkit.apps.drill.AssemblyStack;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small templates for the rewrite tests. */
final class Templates {
    static final ObjectMapper JSON = new ObjectMapper();

    private Templates() {
    }

    static AssemblyStack stack(String resources) throws Exception {
        JsonNode template = JSON.readTree("{\"Resources\":" + resources + "}");
        return new AssemblyStack("s", "shop-recovery", "111111111111", "us-west-2", template, List.of(), null, "shop-recovery");
    }

    /** Applies one rewrite to a copy of the stack's template. */
    static ObjectNode rewrite(TemplateRewrite rewrite, AssemblyStack stack, List<String> notes) {
        ObjectNode template = stack.template().deepCopy();
        rewrite.apply(template, stack, notes);
        return template;
    }
}

package io.github.drkit.apps.drill.rewrite;

import io.github.drkit.apps.drill.AssemblyStack;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One change the drill makes to a synthesized template because the emulator (moto 5.2.1) cannot take
 * it as synthesized. Each works around one emulator behaviour, says which in its javadoc, and records
 * every change it makes; when the emulator is fixed, delete the class and its line in
 * {@link TemplateRewrites}.
 */
public interface TemplateRewrite {
    /**
     * Changes the template in place.
     *
     * @param template    a copy of the stack's template, to change
     * @param stack       the stack as synthesized (unchanged), for lookups
     * @param adaptations where each change is recorded, one line each, for the drill report
     */
    void apply(ObjectNode template, AssemblyStack stack, List<String> adaptations);
}

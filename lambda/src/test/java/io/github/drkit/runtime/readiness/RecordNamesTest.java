package io.github.drkit.runtime.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RecordNamesTest {
    @Test
    void answered_whenRoute53EscapesTheWildcard_givesThePlanForm() {
        assertEquals("*.shop.example.com.", RecordNames.answered("\\052.Shop.Example.com."));
        assertEquals("app.example.com.", RecordNames.answered("App.example.com"));
    }

    @Test
    void normalized_whenTheNameHasAFinalDot_dropsItAndLowersCase() {
        assertEquals("app.example.com", RecordNames.normalized("App.Example.com."));
        assertEquals("app.example.com", RecordNames.normalized("app.example.com"));
    }
}

package io.github.drkit.apps.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatorLogTest {
    @Test
    void lastError_whenTracebackLogged_quotesTheErrorAndTheMotoModule(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("moto.log");
        Files.writeString(log, "Traceback (most recent call last):\n"
                + "  File \"/usr/lib/python3/site-packages/moto/core/responses.py\", line 1, in dispatch\n"
                + "  File \"/usr/lib/python3/site-packages/moto/cloudformation/parsing.py\", line 9, in parse\n"
                + "IndexError: list index out of range\n"
                + "127.0.0.1 - - \"POST / HTTP/1.1\" 500 -\n");
        assertEquals("; the emulator logged: IndexError: list index out of range at moto/cloudformation/parsing.py\", line 9, "
                + "in parse (" + log + ")", new EmulatorLog(log).lastError());
    }

    @Test
    void lastError_whenNoLog_isEmpty() {
        assertEquals("", new EmulatorLog(null).lastError());
    }
}

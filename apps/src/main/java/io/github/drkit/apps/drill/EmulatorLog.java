package io.github.drkit.apps.drill;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The emulator's log, when the drill started the emulator itself: an error inside the emulator answers
 * the client with only an HTTP 500, so the traceback in its log is what tells why.
 */
final class EmulatorLog {
    private final Path file;

    /** @param file the log, or null when the drill did not start the emulator */
    EmulatorLog(Path file) {
        this.file = file;
    }

    /**
     * The last error the emulator logged, e.g. "IndexError: list index out of range" with the moto
     * module it was raised in, as a suffix for a report line; empty without a log.
     */
    String lastError() {
        if (file == null) {
            return "";
        }
        try {
            // ISO-8859-1 reads any byte, so a stray non-UTF-8 byte in the log cannot hide the error.
            List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            for (int i = lines.size() - 1; i >= 0; i--) {
                String line = lines.get(i);
                if (line.matches("^[A-Za-z.]*(Error|Exception)\\b.*")) {
                    String where = line;
                    for (int j = i - 1; j >= 0 && j > i - 40; j--) {
                        if (lines.get(j).contains("site-packages/moto/") && !lines.get(j).contains("/core/")) {
                            where = where + " at " + lines.get(j).trim().replaceAll(".*site-packages/", "");
                            break;
                        }
                    }
                    return "; the emulator logged: " + where + " (" + file + ")";
                }
            }
            return "; see the emulator's log " + file;
        } catch (IOException e) {
            return "";
        }
    }
}

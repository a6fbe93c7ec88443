package io.github.drkit.runtime.engine;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * What a run is doing while it does it: one event per step start and end, and one per round of a wait, each
 * with the time left before the run's deadline. The report says what happened; progress lets an operator see
 * what the run waits on before it ends. Called from several threads at once: implementations write whole lines.
 */
@FunctionalInterface
public interface Progress {

    void event(Event event);

    /** What happened, the step it belongs to (null for the run itself), a human line, and the seconds left. */
    record Event(Kind kind, String step, String message, long secondsLeft) {
        public Event {
            Objects.requireNonNull(kind, "kind");
        }
    }

    enum Kind {
        RUN_START("run start"), STEP_START("start"), STEP_END("end"), WAIT("waiting"), RUN_END("run end");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Progress nobody reads. */
    static Progress none() {
        return event -> { };
    }

    /** Human lines, {@code drkit 2026-12-04T03:20:01Z start scale out shop-app (us-west-2) [298 s left]}: the CLI's stderr. */
    static Progress lines(PrintStream out) {
        // A wait's message says "waiting for ..." itself.
        return event -> out.println("drkit " + Instant.now() + " " + (event.kind() == Kind.WAIT ? "" : event.kind().label() + " ")
                + (event.step() == null ? "" : event.step() + (event.message() == null ? "" : ": "))
                + (event.message() == null ? "" : event.message())
                + " [" + event.secondsLeft() + " s left]");
    }

    /**
     * One JSON object per line, {@code {"time":..,"level":"INFO","event":"start","step":..,"message":..,"secondsLeft":..}}:
     * structured log lines for CloudWatch Logs, where Lambda sends a function's standard output.
     */
    static Progress jsonLines(PrintStream out) {
        JsonFactory factory = new JsonFactory();
        return event -> {
            StringWriter line = new StringWriter();
            try (JsonGenerator json = factory.createGenerator(line)) {
                json.writeStartObject();
                json.writeStringField("time", Instant.now().toString());
                json.writeStringField("level", "INFO");
                json.writeStringField("logger", "drkit");
                json.writeStringField("event", event.kind().label());
                if (event.step() != null) {
                    json.writeStringField("step", event.step());
                }
                if (event.message() != null) {
                    json.writeStringField("message", event.message());
                }
                json.writeNumberField("secondsLeft", event.secondsLeft());
                json.writeEndObject();
            } catch (IOException e) {
                throw new IllegalStateException("progress line could not be written", e);
            }
            out.println(line);
        };
    }
}

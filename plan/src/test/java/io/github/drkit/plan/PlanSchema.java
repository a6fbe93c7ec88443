package io.github.drkit.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** docs/recovery-plan.schema.json, loaded once, for the tests of every module that check a plan against it. */
public final class PlanSchema {
    private static Schema schema;

    private PlanSchema() {
    }

    /** The schema file, found from the module's directory or the repository's root. */
    public static Path file() {
        for (Path candidate : List.of(Path.of("docs", "recovery-plan.schema.json"), Path.of("..", "docs", "recovery-plan.schema.json"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/recovery-plan.schema.json not found from " + Path.of("").toAbsolutePath());
    }

    /** The schema's complaints about a plan, one line each; empty when the plan conforms. */
    public static synchronized List<String> errors(String planJson) {
        if (schema == null) {
            try {
                schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                        .getSchema(Files.readString(file()), InputFormat.JSON);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schema.validate(planJson, InputFormat.JSON).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage()).toList();
    }
}

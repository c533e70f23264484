package dev.vulcan.telemetry;

import dev.vulcan.core.schema.SchemaProblem;
import dev.vulcan.core.schema.SchemaValidator;
import dev.vulcan.core.schema.VulcanSchemas;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/** Constants of the telemetry ping (schema_id 3, telemetry v7) and its schema validation. */
public final class TelemetryPing {

    /** The ping schema id. */
    public static final String SCHEMA = VulcanSchemas.BASE + "telemetry-ping/v3.json";
    /** The machine-readable schema version. */
    public static final int SCHEMA_ID = 3;
    /** The human-readable schema version. */
    public static final String SCHEMA_VERSION = "0.3.0";
    /** The tool whose artifact a ping is built from. */
    public static final String AGENT_SCANNER = "agent-scanner";
    /** The id of the agent-scanner output schema (on the class path where the tool jar is). */
    public static final String AGENT_SCANNER_SCHEMA = VulcanSchemas.toolOutput(AGENT_SCANNER);

    private TelemetryPing() {
    }

    /**
     * Validates a ping against the ping schema.
     *
     * @param ping the ping
     * @return the problems, empty when valid
     */
    public static List<SchemaProblem> validate(JsonNode ping) {
        Objects.requireNonNull(ping, "ping");
        return SchemaValidator.shared().validate(SCHEMA, ping);
    }

    /**
     * Validates a ping and throws when it is invalid.
     *
     * @param ping the ping
     * @param source what is validated, for the message
     * @throws dev.vulcan.core.schema.SchemaValidationException listing every problem
     */
    public static void requireValid(JsonNode ping, String source) {
        SchemaValidator.shared().requireValid(SCHEMA, ping, source);
    }
}

package dev.vulcan.tool.agents;

import java.util.Arrays;
import java.util.Objects;

/**
 * How an LLM provider was established, from strongest to weakest; {@link #rank()} orders them.
 */
public enum ProviderConfidence {
    /** Named in code or config: an LLM client class, a model string, a YAML llm entry. */
    DETECTED("detected", 3),
    /** Only an API-key variable name points to it (a .env file or an environment read). */
    INFERRED_ENV_VAR("inferred_env_var", 2),
    /** Only a framework default points to it (CrewAI and the OpenAI Agents SDK default to OpenAI). */
    INFERRED_FRAMEWORK("inferred_framework", 1),
    /** No evidence of any provider. */
    UNKNOWN("unknown", 0);

    private final String code;
    private final int rank;

    ProviderConfidence(String code, int rank) {
        this.code = code;
        this.rank = rank;
    }

    /**
     * Returns the stable external code written in artifacts.
     *
     * @return the code
     */
    public String code() {
        return code;
    }

    /**
     * Returns the strength of the evidence: 3 for detected down to 0 for unknown.
     *
     * @return the rank
     */
    public int rank() {
        return rank;
    }

    /**
     * Returns the constant with an external code.
     *
     * @param code the code, exactly as {@link #code()} returns it
     * @return the constant
     * @throws IllegalArgumentException if no constant has this code
     */
    public static ProviderConfidence fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown ProviderConfidence code: '" + code + "'"));
    }
}

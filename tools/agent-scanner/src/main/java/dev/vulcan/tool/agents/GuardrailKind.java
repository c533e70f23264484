package dev.vulcan.tool.agents;

import java.util.Arrays;
import java.util.Objects;

/**
 * The kind of a guardrail.
 */
public enum GuardrailKind {
    /** A human approves or intervenes (human_input=True, interrupt_before/after, approval callbacks, human_input_mode=ALWAYS). */
    HUMAN_IN_THE_LOOP("human_in_the_loop"),
    /** Output is validated against a schema or function (output_pydantic, response_format, result_type, output_type, task guardrail=, output_guardrails). */
    OUTPUT_VALIDATION("output_validation"),
    /** Input is validated (OpenAI Agents input_guardrails). */
    INPUT_VALIDATION("input_validation"),
    /** Requests per minute are bounded (max_rpm). */
    RATE_LIMIT("rate_limit"),
    /** Iterations, rounds or turns are bounded (max_iter, max_iterations, recursion_limit, max_round, max_turns). */
    RECURSION_LIMIT("recursion_limit"),
    /** A guardrail library is used (guardrails-ai, NeMo Guardrails, LLM Guard, Presidio, Lakera, Rebuff). */
    GUARDRAIL_LIBRARY("guardrail_library");

    private final String code;

    GuardrailKind(String code) {
        this.code = code;
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
     * Returns the constant with an external code.
     *
     * @param code the code, exactly as {@link #code()} returns it
     * @return the constant
     * @throws IllegalArgumentException if no constant has this code
     */
    public static GuardrailKind fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown GuardrailKind code: '" + code + "'"));
    }
}

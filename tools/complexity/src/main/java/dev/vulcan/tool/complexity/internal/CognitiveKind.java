package dev.vulcan.tool.complexity.internal;

/** How a node takes part in cognitive complexity (SonarSource, "Cognitive Complexity", G. Ann Campbell). */
enum CognitiveKind {
    /** if: +1 plus nesting (flat +1 as else-if), nests; else/elif branches handled by the walker. */
    IF,
    /** A loop: +1 plus nesting, nests. */
    LOOP,
    /** switch/match/select: +1 plus nesting once for the whole statement, nests. */
    SWITCH,
    /** catch/except: +1 plus nesting, nests. */
    CATCH,
    /** A conditional expression: +1 plus nesting, nests. */
    TERNARY,
    /** A lambda: no increment, nests. */
    NESTING,
    /** goto, or break/continue to a label: flat +1. */
    JUMP,
    /** Anything else. */
    NONE
}

package dev.vulcan.tool.archbeta;

import dev.vulcan.tool.archalpha.AlphaOpenClass;

/** Breaks the tool-independence rule on purpose: one "tool" using another's class. */
public final class BetaUsesAlpha {

    private BetaUsesAlpha() {
    }

    /**
     * Creates the other tool's class.
     *
     * @return a new instance
     */
    public static Object create() {
        return new AlphaOpenClass();
    }
}

package dev.vulcan.tool.archalpha;

/** Breaks the final-class rule on purpose: public, concrete, not final, extended by nobody. */
public class AlphaOpenClass {

    /** Creates it. */
    public AlphaOpenClass() {
    }
}

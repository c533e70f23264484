package dev.vulcan.tool.archalpha;

/** Breaks the exit rule on purpose: library code ending the JVM. */
public final class AlphaExits {

    private AlphaExits() {
    }

    /**
     * Ends the JVM.
     *
     * @param status the exit status
     */
    public static void stop(int status) {
        System.exit(status);
    }
}

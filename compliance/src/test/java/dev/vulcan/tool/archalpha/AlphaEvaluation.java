package dev.vulcan.tool.archalpha;

/** Follows the exit rule: a tool's evaluation entry point exits from its main(String[]). */
public final class AlphaEvaluation {

    private AlphaEvaluation() {
    }

    /**
     * Exits with the number of arguments.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(args.length);
    }
}

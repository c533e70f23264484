package dev.vulcan.tool.layout;

import dev.vulcan.core.tool.ToolLauncher;

/** The executable jar's entry point: the standard tool command line of {@link ToolLauncher}. */
public final class LayoutScannerMain {

    private LayoutScannerMain() {
    }

    /**
     * Runs the layout scanner and exits with its exit status.
     *
     * @param args the standard tool options ({@code --repo-path}, {@code --output-path}, ...)
     */
    public static void main(String[] args) {
        ToolLauncher.main(new LayoutScannerTool(), args);
    }
}

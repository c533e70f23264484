package dev.vulcan.orchestrator.testtools;

import dev.vulcan.core.envelope.ToolError;
import dev.vulcan.core.tool.ToolContext;
import dev.vulcan.core.tool.ToolDescriptor;
import dev.vulcan.core.tool.ToolResult;
import dev.vulcan.orchestrator.exec.ToolProcessMain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The test-only tools, all registered in the test {@code META-INF/services}. */
public final class Tools {

    private Tools() {
    }

    /** Phase 0 foundation. */
    public static final class Files0 extends ListingTool {
        /** Creates the tool. */
        public Files0() {
            super(ToolDescriptor.builder("t-files").phase(0).requiresLayout(false).build());
        }
    }

    /** Phase 1, depends on t-files. */
    public static final class Count1 extends ListingTool {
        /** Creates the tool. */
        public Count1() {
            super(ToolDescriptor.builder("t-count").phase(1).dependsOn("t-files").build());
        }
    }

    /** Phase 1, independent, parallel-safe probe. */
    public static final class ParA extends ListingTool {
        /** Creates the tool. */
        public ParA() {
            super(ToolDescriptor.builder("t-par-a").phase(1).dependsOn("t-files").build());
        }
    }

    /** Phase 1, independent, parallel-safe probe. */
    public static final class ParB extends ListingTool {
        /** Creates the tool. */
        public ParB() {
            super(ToolDescriptor.builder("t-par-b").phase(1).dependsOn("t-files").build());
        }
    }

    /** Phase 2, depends on t-count. */
    public static final class Size2 extends ListingTool {
        /** Creates the tool. */
        public Size2() {
            super(ToolDescriptor.builder("t-size").phase(2).dependsOn("t-count").build());
        }
    }

    /** Phase 1, reports one recoverable error. */
    public static final class Partial extends ListingTool {
        /** Creates the tool. */
        public Partial() {
            super(ToolDescriptor.builder("t-partial").phase(1).build());
        }

        @Override
        public ToolResult analyze(ToolContext context) throws IOException {
            return new ToolResult(listing(context, false),
                    List.of(ToolError.recoverable("FILE_UNREADABLE", "cannot read x.bin", "x.bin")), count(context));
        }
    }

    /** Phase 1, always throws. */
    public static final class Throws extends ListingTool {
        /** Creates the tool. */
        public Throws() {
            super(ToolDescriptor.builder("t-throws").phase(1).build());
        }

        @Override
        public ToolResult analyze(ToolContext context) throws IOException {
            throw new IOException("disk on fire while reading " + context.repoPath().resolve("a.txt"));
        }
    }

    /** Phase 2, depends on the throwing tool: always skipped. */
    public static final class AfterThrows extends ListingTool {
        /** Creates the tool. */
        public AfterThrows() {
            super(ToolDescriptor.builder("t-after-throws").phase(2).dependsOn("t-throws").build());
        }
    }

    /**
     * Phase 1, hangs past its 2 s timeout ignoring interrupts and its deadline (at most 20 s, so an abandoned
     * thread ends eventually).
     */
    public static final class Hangs extends ListingTool {
        /** Creates the tool. */
        public Hangs() {
            super(ToolDescriptor.builder("t-hangs").phase(1).timeout(Duration.ofSeconds(2)).build());
        }

        @Override
        public ToolResult analyze(ToolContext context) throws IOException {
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < end) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    // Misbehaves on purpose: ignores the interrupt.
                }
            }
            return new ToolResult(listing(context, false), List.of(), count(context));
        }
    }

    /** Phase 1, returns a path with {@code ..}, which its schema rejects. */
    public static final class Escapes extends ListingTool {
        /** Creates the tool. */
        public Escapes() {
            super(ToolDescriptor.builder("t-escapes").phase(1).build());
        }

        @Override
        public ToolResult analyze(ToolContext context) throws IOException {
            return new ToolResult(listing(context, true), List.of(), count(context));
        }
    }

    /**
     * Phase 1: in a child JVM of the process backend (its main class is ToolProcessMain), writes an output.json
     * that is not JSON and a metadata.json claiming success, then halts with status 0 (a tool breaking the
     * contract). In-process it behaves.
     */
    public static final class Garbage extends ListingTool {
        /** Creates the tool. */
        public Garbage() {
            super(ToolDescriptor.builder("t-garbage").phase(1).build());
        }

        @Override
        public ToolResult analyze(ToolContext context) throws IOException {
            if (System.getProperty("sun.java.command", "").startsWith(ToolProcessMain.class.getName())) {
                Path dir = context.outputPath().resolve("t-garbage");
                Files.createDirectories(dir);
                Files.writeString(dir.resolve("output.json"), "{\"metadata\": {\"tool_name\": \"t-garb",
                        StandardCharsets.UTF_8);
                Files.writeString(dir.resolve("metadata.json"), "{\"status\": \"success\"}", StandardCharsets.UTF_8);
                System.out.flush();
                Runtime.getRuntime().halt(0);
            }
            return new ToolResult(listing(context, false), List.of(), count(context));
        }
    }
}

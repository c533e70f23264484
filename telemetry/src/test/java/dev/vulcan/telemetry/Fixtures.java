package dev.vulcan.telemetry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** Golden agent-scanner artifacts (real outputs of the tool on its 16 evaluation repos) and test clocks. */
public final class Fixtures {

    /** The 16 evaluation repos of the agent-scanner. */
    public static final List<String> REPOS = List.of("autogen_agentchat", "autogen_groupchat", "crewai_guardrails",
            "crewai_hierarchical", "crewai_python", "crewai_yaml", "empty_repo", "langchain_agent",
            "langchain_initialize", "langgraph_interrupt", "mcp_config", "multi_crew_monorepo",
            "openai_agents_handoffs", "openai_agents_mcp", "plain_library", "syntax_error");

    private Fixtures() {
    }

    /** Returns the output root holding {@code agent-scanner/} of a golden repo. */
    public static Path outputRoot(String repo) {
        return resource("testdata/agent-scanner/" + repo);
    }

    public static Path resource(String name) {
        URL url = Fixtures.class.getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("missing test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies a golden output root to {@code target} (created). */
    public static void copyArtifacts(String repo, Path target) {
        Path source = outputRoot(repo);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path dest = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A builder with a fixed wall clock, a nano clock advancing 5 ms per reading, and sequential scan ids. */
    public static PingBuilder builder() {
        return builder(0);
    }

    /** As {@link #builder()}, with scan ids counting from {@code idBase + 1} (distinct batches, distinct ids). */
    public static PingBuilder builder(long idBase) {
        AtomicLong nanos = new AtomicLong();
        AtomicLong ids = new AtomicLong(idBase);
        return new PingBuilder(Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC),
                () -> nanos.addAndGet(5_000_000L),
                () -> new UUID(0x1234567812344123L, 0x8123000000000000L + ids.incrementAndGet()));
    }
}

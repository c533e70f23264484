package dev.vulcan.compliance.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * The small git repository every tool is run on: a few source files in several languages, a Markdown file
 * whose name has a space and capitals, a file with a syntax error, a binary file, a symbolic link pointing
 * out of the repository, and two commits by two authors on branch {@code main}.
 *
 * @param dir the repository's working tree
 * @param outsideDir the folder outside the repository that {@link #ESCAPING_LINK} points to
 * @param branch the checked-out branch
 * @param headSha the full SHA of HEAD
 */
public record FixtureRepository(Path dir, Path outsideDir, String branch, String headSha) {

    /** The symbolic link, at the repository root, to a folder outside the repository. */
    public static final String ESCAPING_LINK = "linked-outside";

    private static final String BRANCH = "main";

    /**
     * Creates the description of a built repository.
     *
     * @throws NullPointerException if a component is null
     */
    public FixtureRepository {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(outsideDir, "outsideDir");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(headSha, "headSha");
    }

    /**
     * Builds the fixture repository in {@code parent/repo}, with the folder outside it in
     * {@code parent/outside}.
     *
     * @param parent an empty folder
     * @return the repository
     * @throws UncheckedIOException if the files cannot be written or git fails
     */
    public static FixtureRepository build(Path parent) {
        Objects.requireNonNull(parent, "parent");
        Path repo = parent.resolve("repo");
        Path outside = parent.resolve("outside");
        try {
            Files.createDirectories(outside);
            Files.writeString(outside.resolve("outside_secret.py"), "TOKEN = 'not-for-the-repository'\n");
            Files.createDirectories(repo);
            try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch(BRANCH).call()) {
                write(repo, firstCommitFiles());
                Files.createSymbolicLink(repo.resolve(ESCAPING_LINK), outside.toAbsolutePath());
                git.add().addFilepattern(".").call();
                commit(git, "Initial import", "Ada Lovelace", "ada@example.com", Instant.parse("2026-01-05T10:00:00Z"));
                write(repo, Map.of("src/main/java/com/example/App.java", APP_V2));
                git.add().addFilepattern(".").call();
                RevCommit head = commit(git, "Handle empty arguments", "Grace Hopper", "grace@example.com",
                        Instant.parse("2026-02-10T15:30:00Z"));
                return new FixtureRepository(repo, outside, BRANCH, head.getId().getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the fixture repository in " + parent + ": " + e, e);
        } catch (GitAPIException e) {
            throw new UncheckedIOException("cannot build the fixture repository in " + parent + ": " + e.getMessage(),
                    new IOException(e));
        }
    }

    private static RevCommit commit(Git git, String message, String name, String email, Instant when)
            throws GitAPIException {
        PersonIdent ident = new PersonIdent(name, email, java.util.Date.from(when), TimeZone.getTimeZone("UTC"));
        return git.commit().setMessage(message).setAuthor(ident).setCommitter(ident).setSign(false).call();
    }

    private static void write(Path repo, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = repo.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> firstCommitFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("README.md", "# Fixture\n\nA small repository for the Vulcan compliance validator.\n");
        files.put("docs/Design Notes.md", "# Design Notes\n\nCase and spaces are preserved in paths.\n");
        files.put("src/main/java/com/example/App.java", APP_V1);
        files.put("src/agent.py", """
                from langchain.agents import AgentExecutor
                from langchain.tools import tool


                @tool
                def lookup(query: str) -> str:
                    \"\"\"Look a term up.\"\"\"
                    if not query:
                        return ""
                    return query.upper()


                def build(llm):
                    return AgentExecutor(agent=llm, tools=[lookup])
                """);
        files.put("src/util.py", """
                def classify(n):
                    if n < 0:
                        return "negative"
                    elif n == 0:
                        return "zero"
                    for i in range(n):
                        if i % 2:
                            continue
                    return "positive"
                """);
        files.put("web/index.js", """
                export function greet(name) {
                  if (!name) {
                    return 'hello';
                  }
                  return `hello ${name}`;
                }
                """);
        files.put("broken/syntax_error.py", "def broken(:\n    return (\n");
        files.put("data/blob.bin", new String(new char[] {0, 1, 2, 3, 0xFF, 0xFE, 0, 7}));
        return files;
    }

    private static final String APP_V1 = """
            package com.example;

            public final class App {
                public static void main(String[] args) {
                    for (String arg : args) {
                        if (arg.isEmpty()) {
                            continue;
                        }
                        System.out.println(arg);
                    }
                }
            }
            """;

    private static final String APP_V2 = """
            package com.example;

            public final class App {
                public static void main(String[] args) {
                    if (args.length == 0) {
                        System.out.println("no arguments");
                        return;
                    }
                    for (String arg : args) {
                        if (arg.isEmpty()) {
                            continue;
                        }
                        System.out.println(arg);
                    }
                }
            }
            """;
}

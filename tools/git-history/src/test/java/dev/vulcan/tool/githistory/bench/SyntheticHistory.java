package dev.vulcan.tool.githistory.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Builds a large synthetic bare repository for the benchmark (not a test): {@code COMMITS} linear commits over
 * 50 directories of 40 files, 1 to 5 files changed per commit (a 40-file commit every 500), 20 authors, one
 * commit per hour from 2020-01-01, a fixed random seed. With a third argument N, every N-th commit is
 * instead a merge commit whose second parent is the commit three steps back (a branchy history). Usage:
 * {@code SyntheticHistory DIR COMMITS [MERGE_EVERY]}.
 */
public final class SyntheticHistory {

    private static final int DIRS = 50;
    private static final int FILES_PER_DIR = 40;

    private SyntheticHistory() {
    }

    /**
     * Builds the repository.
     *
     * @param args the target directory and the commit count
     * @throws IOException if the repository cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int commits = Integer.parseInt(args[1]);
        int mergeEvery = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        List<ObjectId> history = new ArrayList<>();
        Files.createDirectories(dir);
        Random random = new Random(42);
        try (Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build()) {
            repo.create(true);
            List<TreeMap<String, ObjectId>> dirs = new ArrayList<>();
            List<List<Integer>> contents = new ArrayList<>();
            ObjectId[] dirTrees = new ObjectId[DIRS];
            ObjectId parent = null;
            try (ObjectInserter inserter = repo.newObjectInserter()) {
                for (int d = 0; d < DIRS; d++) {
                    dirs.add(new TreeMap<>());
                    for (int f = 0; f < FILES_PER_DIR; f++) {
                        contents.add(new ArrayList<>(List.of(d, f)));
                    }
                }
                for (int c = 0; c < commits; c++) {
                    boolean first = c == 0;
                    if (mergeEvery > 0 && c > 3 && c % mergeEvery == 0) {
                        CommitBuilder merge = new CommitBuilder();
                        merge.setTreeId(repo.parseCommit(parent).getTree());
                        merge.setParentIds(parent, history.get(history.size() - 4));
                        PersonIdent ident = new PersonIdent("Merger", "merger@example.com",
                                Instant.parse("2020-01-01T00:00:00Z").plusSeconds(3600L * c), ZoneOffset.UTC);
                        merge.setAuthor(ident);
                        merge.setCommitter(ident);
                        merge.setMessage("merge " + c + "\n");
                        parent = inserter.insert(merge);
                        inserter.flush();
                        history.add(parent);
                        continue;
                    }
                    int changes = first ? DIRS * FILES_PER_DIR : c % 500 == 499 ? 40 : 1 + random.nextInt(5);
                    boolean[] dirty = new boolean[DIRS];
                    for (int k = 0; k < changes; k++) {
                        int file = first ? k : random.nextInt(DIRS * FILES_PER_DIR);
                        List<Integer> lines = contents.get(file);
                        if (!first) {
                            int edit = random.nextInt(3);
                            if (edit == 0 || lines.size() < 5) {
                                lines.add(random.nextInt(lines.size() + 1), random.nextInt(1_000_000));
                            } else if (edit == 1) {
                                lines.remove(random.nextInt(lines.size()));
                            } else {
                                lines.set(random.nextInt(lines.size()), random.nextInt(1_000_000));
                            }
                        }
                        StringBuilder text = new StringBuilder();
                        lines.forEach(v -> text.append("value ").append(v).append('\n'));
                        ObjectId blob = inserter.insert(Constants.OBJ_BLOB,
                                text.toString().getBytes(StandardCharsets.UTF_8));
                        int d = file / FILES_PER_DIR;
                        dirs.get(d).put(String.format("f%02d.txt", file % FILES_PER_DIR), blob);
                        dirty[d] = true;
                    }
                    TreeFormatter root = new TreeFormatter();
                    for (int d = 0; d < DIRS; d++) {
                        if (dirty[d]) {
                            TreeFormatter tree = new TreeFormatter();
                            for (Map.Entry<String, ObjectId> e : dirs.get(d).entrySet()) {
                                tree.append(e.getKey(), FileMode.REGULAR_FILE, e.getValue());
                            }
                            dirTrees[d] = inserter.insert(tree);
                        }
                        root.append(String.format("d%02d", d), FileMode.TREE, dirTrees[d]);
                    }
                    ObjectId rootId = inserter.insert(root);
                    int author = random.nextInt(20);
                    PersonIdent ident = new PersonIdent("Dev " + author, "dev" + author + "@example.com",
                            Instant.parse("2020-01-01T00:00:00Z").plusSeconds(3600L * c), ZoneOffset.UTC);
                    CommitBuilder commit = new CommitBuilder();
                    commit.setTreeId(rootId);
                    if (parent != null) {
                        commit.setParentId(parent);
                    }
                    commit.setAuthor(ident);
                    commit.setCommitter(ident);
                    commit.setMessage("commit " + c + "\n");
                    parent = inserter.insert(commit);
                    history.add(parent);
                    if (c % 1000 == 999) {
                        inserter.flush();
                    }
                }
                inserter.flush();
            }
            RefUpdate update = repo.updateRef("refs/heads/main");
            update.setNewObjectId(parent);
            update.forceUpdate();
            repo.updateRef(Constants.HEAD).link("refs/heads/main");
        }
    }
}

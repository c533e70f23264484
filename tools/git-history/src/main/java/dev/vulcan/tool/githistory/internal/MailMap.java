package dev.vulcan.tool.githistory.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed {@code .mailmap} (git's {@code gitmailmap(5)} format), which maps the identities recorded in commits
 * to canonical ones. The four line forms are supported:
 *
 * <pre>
 * Proper Name &lt;commit@email&gt;
 * &lt;proper@email&gt; &lt;commit@email&gt;
 * Proper Name &lt;proper@email&gt; &lt;commit@email&gt;
 * Proper Name &lt;proper@email&gt; Commit Name &lt;commit@email&gt;
 * </pre>
 *
 * <p>As in git, e-mails and names are matched case-insensitively, an entry naming the commit name wins over one
 * that names only the commit e-mail, a later line wins over an earlier one for the same key, {@code #} starts a
 * comment, and malformed lines are skipped (counted in {@link #skippedLines()}).
 */
public final class MailMap {

    private static final MailMap EMPTY = new MailMap(Map.of(), 0);

    private final Map<String, Replacement> entries;
    private final int skippedLines;

    private MailMap(Map<String, Replacement> entries, int skippedLines) {
        this.entries = Map.copyOf(entries);
        this.skippedLines = skippedLines;
    }

    /**
     * Returns the map that changes nothing.
     *
     * @return an empty map
     */
    public static MailMap empty() {
        return EMPTY;
    }

    /**
     * Parses the text of a {@code .mailmap} file.
     *
     * @param text the file content
     * @return the map
     * @throws NullPointerException if the text is null
     */
    public static MailMap parse(String text) {
        Objects.requireNonNull(text, "text");
        Map<String, Replacement> entries = new HashMap<>();
        int skipped = 0;
        for (String raw : text.split("\r?\n", -1)) {
            String line = stripComment(raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            List<String> names = new ArrayList<>();
            List<String> emails = new ArrayList<>();
            if (!split(line, names, emails) || emails.isEmpty() || emails.size() > 2) {
                skipped++;
                continue;
            }
            String properName = names.get(0);
            String commitEmail = emails.get(emails.size() - 1);
            String properEmail = emails.size() == 2 ? emails.get(0) : null;
            String commitName = emails.size() == 2 ? names.get(1) : null;
            if (commitEmail.isEmpty() && commitName == null) {
                skipped++;
                continue;
            }
            entries.put(key(commitEmail, commitName), new Replacement(properName, properEmail));
        }
        return new MailMap(entries, skipped);
    }

    /**
     * Maps a commit identity to its canonical identity.
     *
     * @param name the name recorded in the commit
     * @param email the e-mail recorded in the commit
     * @return the canonical name and e-mail (the inputs when no entry matches)
     */
    public Identity map(String name, String email) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Replacement replacement = entries.get(key(email, name));
        if (replacement == null) {
            replacement = entries.get(key(email, null));
        }
        if (replacement == null) {
            return new Identity(name, email);
        }
        return new Identity(replacement.name() == null ? name : replacement.name(),
                replacement.email() == null ? email : replacement.email());
    }

    /**
     * Returns how many entries the map holds.
     *
     * @return the entry count
     */
    public int size() {
        return entries.size();
    }

    /**
     * Returns how many non-blank, non-comment lines could not be parsed.
     *
     * @return the skipped line count
     */
    public int skippedLines() {
        return skippedLines;
    }

    private static String key(String email, String name) {
        String e = email.toLowerCase(Locale.ROOT);
        return name == null ? e : e + "\u0000" + name.toLowerCase(Locale.ROOT);
    }

    private static String stripComment(String line) {
        // '#' outside <...> starts a comment; inside an e-mail it is kept.
        boolean inEmail = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '<') {
                inEmail = true;
            } else if (c == '>') {
                inEmail = false;
            } else if (c == '#' && !inEmail) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** Splits "name <email> name <email>" into the name before each e-mail (null when blank) and the e-mails. */
    private static boolean split(String line, List<String> names, List<String> emails) {
        int pos = 0;
        while (pos < line.length()) {
            int open = line.indexOf('<', pos);
            if (open < 0) {
                return line.substring(pos).isBlank();
            }
            int close = line.indexOf('>', open);
            if (close < 0) {
                return false;
            }
            String name = line.substring(pos, open).strip();
            names.add(name.isEmpty() ? null : name);
            emails.add(line.substring(open + 1, close).strip());
            pos = close + 1;
        }
        return true;
    }

    /**
     * A canonical identity.
     *
     * @param name the name
     * @param email the e-mail
     */
    public record Identity(String name, String email) {

        /**
         * Creates an identity.
         *
         * @throws NullPointerException if a part is null
         */
        public Identity {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(email, "email");
        }
    }

    private record Replacement(String name, String email) {
    }
}

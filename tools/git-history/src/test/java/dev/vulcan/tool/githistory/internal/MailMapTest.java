package dev.vulcan.tool.githistory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailMapTest {

    private static final MailMap MAP = MailMap.parse("""
            # comment line
            Proper Name <commit@example.com>
            <proper@example.com> <old@example.com>   # trailing comment
            Both Name <both@example.com> <both-old@example.com>
            Named Only <named@example.com> Commit Name <shared@example.com>
            Shared Fallback <fallback@example.com> <shared@example.com>
            no email here
            """);

    @Test
    void replaces_the_name_of_an_email() {
        assertThat(MAP.map("whoever", "Commit@Example.com"))
                .isEqualTo(new MailMap.Identity("Proper Name", "Commit@Example.com"));
    }

    @Test
    void replaces_the_email_only() {
        assertThat(MAP.map("Old", "old@example.com")).isEqualTo(new MailMap.Identity("Old", "proper@example.com"));
    }

    @Test
    void replaces_name_and_email() {
        assertThat(MAP.map("x", "both-old@example.com"))
                .isEqualTo(new MailMap.Identity("Both Name", "both@example.com"));
    }

    @Test
    void prefers_an_entry_that_names_the_commit_name() {
        assertThat(MAP.map("commit name", "shared@example.com"))
                .isEqualTo(new MailMap.Identity("Named Only", "named@example.com"));
        assertThat(MAP.map("Someone Else", "shared@example.com"))
                .isEqualTo(new MailMap.Identity("Shared Fallback", "fallback@example.com"));
    }

    @Test
    void leaves_unknown_identities_alone_and_counts_bad_lines() {
        assertThat(MAP.map("Zed", "zed@example.com")).isEqualTo(new MailMap.Identity("Zed", "zed@example.com"));
        assertThat(MAP.size()).isEqualTo(5);
        assertThat(MAP.skippedLines()).isEqualTo(1);
        assertThat(MailMap.empty().map("a", "b")).isEqualTo(new MailMap.Identity("a", "b"));
    }
}

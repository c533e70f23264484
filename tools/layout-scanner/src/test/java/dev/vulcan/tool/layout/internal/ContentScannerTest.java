package dev.vulcan.tool.layout.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentScannerTest {

    private static final long NO_TIME_LIMIT = TimeUnit.HOURS.toNanos(1);

    @TempDir
    Path tmp;

    private final ContentScanner scanner = new ContentScanner(12, 4096);

    private ContentScanner.Facts scan(byte[] content) throws Exception {
        Path file = Files.createTempFile(tmp, "f", ".txt");
        Files.write(file, content);
        return scanner.scan(file, Long.MAX_VALUE, NO_TIME_LIMIT);
    }

    private ContentScanner.Facts scan(String content) throws Exception {
        return scan(content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void counts_lines_with_every_line_ending_and_an_unterminated_last_line() throws Exception {
        assertThat(scan("").lineCount()).isZero();
        assertThat(scan("a").lineCount()).isEqualTo(1);
        assertThat(scan("a\n").lineCount()).isEqualTo(1);
        assertThat(scan("a\nb").lineCount()).isEqualTo(2);
        assertThat(scan("a\r\nb\r\n").lineCount()).isEqualTo(2);
        assertThat(scan("a\rb\rc").lineCount()).isEqualTo(3);
        assertThat(scan("\n\n\n").lineCount()).isEqualTo(3);
        assertThat(scan("a\r").lineCount()).isEqualTo(1);
    }

    @Test
    void fingerprint_ignores_indentation_trailing_blanks_blank_lines_and_line_endings() throws Exception {
        String base = scan("int main() {\n    return 0;\n}\n").fingerprint();
        assertThat(scan("int main() {\r\n    return 0;\r\n}\r\n").fingerprint()).isEqualTo(base);
        assertThat(scan("int main() {\n\treturn 0;   \n\n\n}").fingerprint()).isEqualTo(base);
        assertThat(scan("\n\nint  main()\t{\nreturn 0;\n}\n\n").fingerprint()).isEqualTo(base);
        assertThat(scan("int main() {\r    return 0;\r}\r").fingerprint()).isEqualTo(base);
        assertThat(base).matches("[0-9a-f]{64}");
    }

    @Test
    void fingerprint_changes_with_the_content() throws Exception {
        assertThat(scan("return 0;\n").fingerprint()).isNotEqualTo(scan("return 1;\n").fingerprint());
        assertThat(scan("a b\n").fingerprint()).isNotEqualTo(scan("ab\n").fingerprint());
        assertThat(scan("a\nb\n").fingerprint()).isNotEqualTo(scan("a b\n").fingerprint());
    }

    @Test
    void fingerprint_is_the_same_across_utf8_bom_utf16_and_latin1_encodings() throws Exception {
        String text = "café crème\nnaïve\n";
        String utf8 = scan(text).fingerprint();
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] withBom = concat(bom, text.getBytes(StandardCharsets.UTF_8));
        assertThat(scan(withBom).fingerprint()).isEqualTo(utf8);
        ContentScanner.Facts utf16 = scan(concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                text.getBytes(StandardCharsets.UTF_16LE)));
        assertThat(utf16.binary()).isFalse();
        assertThat(utf16.validEncoding()).isTrue();
        assertThat(utf16.lineCount()).isEqualTo(2);
        assertThat(utf16.fingerprint()).isEqualTo(utf8);
        ContentScanner.Facts latin1 = scan(text.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(latin1.validEncoding()).isFalse();
        assertThat(latin1.fingerprint()).isEqualTo(utf8);
        assertThat(scan(text).validEncoding()).isTrue();
    }

    @Test
    void a_nul_byte_in_the_first_8000_bytes_means_binary() throws Exception {
        ContentScanner.Facts facts = scan(new byte[] {'P', 'N', 'G', 0, 1, 2, '\n'});
        assertThat(facts.binary()).isTrue();
        assertThat(facts.lineCount()).isNull();
        assertThat(facts.fingerprint()).isEqualTo(
                java.util.HexFormat.of().formatHex(TextSink.sha256().digest(new byte[] {'P', 'N', 'G', 0, 1, 2, '\n'})));
        byte[] late = new byte[9000];
        java.util.Arrays.fill(late, (byte) 'a');
        late[8500] = 0;
        assertThat(scan(late).binary()).isFalse();
    }

    @Test
    void keeps_the_header_lines_for_shebang_and_markers() throws Exception {
        ContentScanner.Facts facts = scan("#!/usr/bin/env python3\n# @generated\nprint(1)\n");
        assertThat(facts.headerLines()).containsExactly("#!/usr/bin/env python3", "# @generated", "print(1)");
    }

    @Test
    void stops_at_the_size_cap_without_line_count_or_fingerprint() throws Exception {
        Path file = tmp.resolve("big.txt");
        Files.writeString(file, "line\n".repeat(100_000));
        ContentScanner.Facts facts = scanner.scan(file, 10_000, NO_TIME_LIMIT);
        assertThat(facts.stop()).isEqualTo(ContentScanner.Stop.SIZE);
        assertThat(facts.lineCount()).isNull();
        assertThat(facts.fingerprint()).isNull();
        assertThat(facts.binary()).isFalse();
        assertThat(scanner.scan(file, 500_000, NO_TIME_LIMIT).stop()).isEqualTo(ContentScanner.Stop.NONE);
        assertThat(scanner.scan(file, 500_000, NO_TIME_LIMIT).lineCount()).isEqualTo(100_000);
    }

    @Test
    void a_spent_time_budget_stops_reading() throws Exception {
        Path file = tmp.resolve("slow.txt");
        Files.writeString(file, "x\n".repeat(100_000));
        ContentScanner.Facts facts = scanner.scan(file, Long.MAX_VALUE, 0);
        assertThat(facts.stop()).isEqualTo(ContentScanner.Stop.TIME);
        assertThat(facts.fingerprint()).isNull();
    }

    @Test
    void refuses_to_read_through_a_symbolic_link() throws Exception {
        Path target = tmp.resolve("target.txt");
        Files.writeString(target, "content\n");
        Path link = Files.createSymbolicLink(tmp.resolve("link.txt"), target);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> scanner.scan(link, Long.MAX_VALUE, NO_TIME_LIMIT))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("NOFOLLOW_LINKS");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

package dev.vulcan.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTest {

    /** A JSON string document of {@code filler} ASCII chars followed by the given raw bytes and a closing quote. */
    private static byte[] stringDocument(int filler, byte... tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('"');
        out.writeBytes("a".repeat(filler).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(tail);
        out.write('"');
        return out.toByteArray();
    }

    @Test
    void reads_multibyte_characters_on_every_side_of_the_check_buffer() {
        byte[] emoji = "\uD83D\uDE00é".getBytes(StandardCharsets.UTF_8);
        for (int filler = 16_380; filler <= 16_388; filler++) {
            assertThat(Json.parse(stringDocument(filler, emoji), "doc.json").asString()).endsWith("\uD83D\uDE00é");
        }
    }

    @Test
    void rejects_a_malformed_byte_far_past_the_first_check_buffer() {
        assertThatThrownBy(() -> Json.parse(stringDocument(100_000, (byte) 0xC3, (byte) 0x28), "big.json"))
                .isInstanceOf(InvalidJsonException.class).hasMessage("big.json: not valid UTF-8");
    }

    @Test
    void rejects_overlong_forms_and_encoded_surrogates() {
        assertThatThrownBy(() -> Json.parse(stringDocument(3, (byte) 0xC0, (byte) 0xAF), "overlong.json"))
                .isInstanceOf(InvalidJsonException.class).hasMessageContaining("not valid UTF-8");
        assertThatThrownBy(() -> Json.parse(stringDocument(3, (byte) 0xED, (byte) 0xA0, (byte) 0x80), "surrogate.json"))
                .isInstanceOf(InvalidJsonException.class).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void rejects_a_sequence_cut_at_the_end_of_the_document() {
        byte[] cut = {'"', 'a', (byte) 0xE2, (byte) 0x82};
        assertThatThrownBy(() -> Json.parse(cut, "cut.json"))
                .isInstanceOf(InvalidJsonException.class).hasMessage("cut.json: not valid UTF-8");
    }
}

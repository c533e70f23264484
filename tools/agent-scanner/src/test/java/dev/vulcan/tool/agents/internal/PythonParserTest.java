package dev.vulcan.tool.agents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PythonParserTest {

    private static List<PyNode> all(PyNode root, String type) {
        List<PyNode> out = new ArrayList<>();
        root.walk(n -> {
            if (n.is(type)) {
                out.add(n);
            }
        });
        return out;
    }

    @Test
    void lines_count_newlines_after_multibyte_text_and_crlf() {
        String src = "x = 'héllo 🙂'\r\ny = 1\n\n\nz = f(a=1)\n";
        PythonParser.Parsed p = new PythonParser().parse(src.getBytes(StandardCharsets.UTF_8));
        assertThat(p.clean()).isTrue();
        PyNode call = all(p.root(), "call").get(0);
        assertThat(call.line()).isEqualTo(5);
        assertThat(call.text()).isEqualTo("f(a=1)");
        assertThat(call.child("arguments").children().get(0).child("name").text()).isEqualTo("a");
        assertThat(all(p.root(), "assignment")).extracting(PyNode::line).containsExactly(1, 2, 5);
    }

    @Test
    void reuses_cached_type_and_field_names_across_files_and_reports_the_first_error_line() {
        PythonParser parser = new PythonParser();
        PyNode first = parser.parse("def a(x):\n    return x\n".getBytes(StandardCharsets.UTF_8)).root();
        PythonParser.Parsed broken = parser.parse("def b(y):\n    return y\n\ndef c(:\n    pass\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(all(first, "function_definition").get(0).child("name").text()).isEqualTo("a");
        assertThat(broken.clean()).isFalse();
        assertThat(broken.firstErrorLine()).isEqualTo(4);
        assertThat(all(broken.root(), "function_definition").get(0).child("name").text()).isEqualTo("b");
        assertThat(parser.check("def c(:\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(1);
    }
}

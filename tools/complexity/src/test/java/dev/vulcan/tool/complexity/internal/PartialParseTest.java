package dev.vulcan.tool.complexity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A file with syntax errors yields the functions that parsed and reports where the errors are. */
class PartialParseTest {

    @Test
    void broken_file_keeps_the_functions_that_parsed_and_counts_errors() {
        FileAnalysis file = Samples.analyze("broken.py");

        assertThat(file.errorNodes()).isPositive();
        assertThat(file.firstErrorLine()).isEqualTo(7);
        assertThat(Samples.function(file, "ok").ccn()).isEqualTo(2);
        assertThat(Samples.function(file, "after").ccn()).isEqualTo(2);
    }

    @Test
    void clean_file_has_no_error_nodes() {
        FileAnalysis file = Samples.analyzeSource("ok.go", "package p\nfunc F() {}\n".getBytes());

        assertThat(file.errorNodes()).isZero();
        assertThat(file.firstErrorLine()).isZero();
        assertThat(file.nloc()).isEqualTo(2);
    }
}

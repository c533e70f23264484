package dev.vulcan.tool.githistory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vulcan.core.schema.SchemaValidator;
import dev.vulcan.core.schema.VulcanSchemas;
import dev.vulcan.tool.githistory.GitHistoryTool;
import org.junit.jupiter.api.Test;

/** The warm-up rehearses the end of a run on a report the tool's schema accepts (the path a real run takes). */
class WarmupTest {

    @Test
    void rehearses_on_a_report_that_is_valid_against_the_output_schema() {
        assertThat(SchemaValidator.shared().validate(VulcanSchemas.toolOutput(GitHistoryTool.NAME),
                Warmup.syntheticReport())).isEmpty();
    }

    @Test
    void rehearsal_threads_finish_without_failing() throws InterruptedException {
        Thread startup = Warmup.startup();
        Thread rehearsal = Warmup.rehearse(VulcanSchemas.toolOutput(GitHistoryTool.NAME));
        startup.join();
        rehearsal.join();
        assertThat(startup.isAlive()).isFalse();
        assertThat(rehearsal.isAlive()).isFalse();
        assertThat(Warmup.syntheticReport().get("files")).hasSize(64);
    }
}

package dev.vulcan.orchestrator.run.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vulcan.core.json.Json;
import org.junit.jupiter.api.Test;

/** The warm-up runs once per process on a daemon thread of its own, ends, and leaves the shared JSON mapper ready. */
class WarmupTest {

    @Test
    void warms_once_per_process_on_a_daemon_thread_that_ends() throws Exception {
        Thread thread = Warmup.start();

        assertThat(Warmup.start()).isSameAs(thread);
        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.getName()).isEqualTo("vulcan-warmup");
        thread.join(30_000);
        assertThat(thread.isAlive()).isFalse();
        assertThat(Json.mapper()).isNotNull();
    }
}

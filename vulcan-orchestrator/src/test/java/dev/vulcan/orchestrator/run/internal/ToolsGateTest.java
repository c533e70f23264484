package dev.vulcan.orchestrator.run.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ToolsGateTest {

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void an_abort_outside_the_tools_step_interrupts_nobody_until_the_runner_enters() {
        ToolsGate gate = new ToolsGate(Thread.currentThread());
        gate.abort();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();

        gate.enter();
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(gate.leave()).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).as("the gate's interrupt does not leak").isFalse();
    }

    @Test
    void an_abort_from_another_thread_wakes_a_runner_blocked_inside_the_tools_step() throws Exception {
        ToolsGate gate = new ToolsGate(Thread.currentThread());
        gate.enter();
        Thread aborter = new Thread(gate::abort);
        aborter.start();
        boolean woken;
        try {
            new CountDownLatch(1).await(60, TimeUnit.SECONDS);
            woken = false;
        } catch (InterruptedException e) {
            woken = true;
        }
        aborter.join();
        assertThat(woken).isTrue();
        assertThat(gate.leave()).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void a_run_that_was_not_aborted_leaves_the_runner_alone() {
        ToolsGate gate = new ToolsGate(Thread.currentThread());
        gate.enter();
        assertThat(gate.leave()).isFalse();
        gate.abort();
        assertThat(Thread.currentThread().isInterrupted()).as("abort after the tools step").isFalse();
    }
}

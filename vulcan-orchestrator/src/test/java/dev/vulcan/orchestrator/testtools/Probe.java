package dev.vulcan.orchestrator.testtools;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shared observation of the test tools run in-process: which tools started, how many ran at once, and an
 * optional rendezvous that only completes when N tools are inside {@code analyze} together (a deterministic
 * proof of parallelism: with fewer workers it never completes and the tools fail).
 */
public final class Probe {

    private static final AtomicInteger RUNNING = new AtomicInteger();
    private static final AtomicInteger MAX_RUNNING = new AtomicInteger();
    private static final List<String> STARTED = new CopyOnWriteArrayList<>();
    private static volatile CountDownLatch rendezvous;
    private static volatile Set<String> meeting = Set.of();

    private Probe() {
    }

    /** Forgets every observation and removes the rendezvous. */
    public static void reset() {
        RUNNING.set(0);
        MAX_RUNNING.set(0);
        STARTED.clear();
        rendezvous = null;
        meeting = Set.of();
    }

    /**
     * Makes the named tools wait for each other inside {@code analyze}.
     *
     * @param tools the tools that must meet
     */
    public static void rendezvous(Set<String> tools) {
        meeting = Set.copyOf(tools);
        rendezvous = new CountDownLatch(tools.size());
    }

    /**
     * Returns the most tools seen inside {@code analyze} at once.
     *
     * @return the maximum
     */
    public static int maxRunning() {
        return MAX_RUNNING.get();
    }

    /**
     * Returns the tools that started, in order.
     *
     * @return tool names
     */
    public static List<String> started() {
        return List.copyOf(STARTED);
    }

    static void enter(String tool) throws InterruptedException {
        STARTED.add(tool);
        int now = RUNNING.incrementAndGet();
        MAX_RUNNING.accumulateAndGet(now, Math::max);
        CountDownLatch latch = rendezvous;
        if (latch != null && meeting.contains(tool)) {
            latch.countDown();
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(tool + ": the other tools never ran beside it");
            }
        }
    }

    static void leave() {
        RUNNING.decrementAndGet();
    }
}

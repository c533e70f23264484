package dev.vulcan.orchestrator.run.internal;

import java.util.Objects;

/**
 * Stops the tools of a run when something running beside them fails (the source of truth could not be opened, or
 * refuses the run): the thread that runs the tool scheduler is interrupted, but only while it is inside the tools
 * step, and the interrupt it received from the gate is cleared when it leaves, so it never leaks into later steps.
 */
public final class ToolsGate {

    private final Thread runner;
    private boolean inside;
    private boolean aborted;

    /**
     * Creates a gate.
     *
     * @param runner the thread that will run the tools
     */
    public ToolsGate(Thread runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /** Marks the start of the tools step; interrupts at once if the run was already aborted. */
    public synchronized void enter() {
        inside = true;
        if (aborted) {
            runner.interrupt();
        }
    }

    /** Aborts the run: interrupts the runner if it is inside the tools step (now or later, at {@link #enter()}). */
    public synchronized void abort() {
        aborted = true;
        if (inside) {
            runner.interrupt();
        }
    }

    /**
     * Marks the end of the tools step, from the runner thread; clears an interrupt the gate may have sent.
     *
     * @return true if the run was aborted
     */
    public synchronized boolean leave() {
        inside = false;
        if (aborted) {
            Thread.interrupted();
        }
        return aborted;
    }
}

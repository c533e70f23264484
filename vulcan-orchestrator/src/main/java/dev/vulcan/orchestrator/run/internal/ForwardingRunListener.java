package dev.vulcan.orchestrator.run.internal;

import dev.vulcan.orchestrator.run.RunListener;
import dev.vulcan.orchestrator.run.ToolOutcome;
import java.util.List;
import java.util.Objects;

/**
 * A listener that passes every event on to another one; a subclass overrides the events it adds work to and
 * calls {@code super} to pass them on.
 */
public abstract class ForwardingRunListener implements RunListener {

    private final RunListener delegate;

    /**
     * Creates the listener.
     *
     * @param delegate the listener every event is passed to
     * @throws NullPointerException if the delegate is null
     */
    protected ForwardingRunListener(RunListener delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public void stepStarted(String step, String detail) {
        delegate.stepStarted(step, detail);
    }

    @Override
    public void warning(String message) {
        delegate.warning(message);
    }

    @Override
    public void phaseStarted(int phase, List<String> tools) {
        delegate.phaseStarted(phase, tools);
    }

    @Override
    public void phaseFinished(int phase, double seconds) {
        delegate.phaseFinished(phase, seconds);
    }

    @Override
    public void toolStarted(String toolName, int phase) {
        delegate.toolStarted(toolName, phase);
    }

    @Override
    public void toolFinished(ToolOutcome outcome) {
        delegate.toolFinished(outcome);
    }
}

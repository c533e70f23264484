package dev.vulcan.orchestrator.run;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records run events as strings ("phase 0", "start t-files", "end t-files succeeded"). */
final class RecordingListener implements RunListener {

    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void warning(String message) {
        events.add("warning " + message);
    }

    @Override
    public void phaseStarted(int phase, List<String> tools) {
        events.add("phase " + phase);
    }

    @Override
    public void toolStarted(String toolName, int phase) {
        events.add("start " + toolName);
    }

    @Override
    public void toolFinished(ToolOutcome outcome) {
        events.add("end " + outcome.toolName() + " " + outcome.status().code());
    }

    int index(String event) {
        int i = events.indexOf(event);
        if (i < 0) {
            throw new AssertionError("no event '" + event + "' in " + events);
        }
        return i;
    }
}

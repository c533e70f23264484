package dev.vulcan.orchestrator.fleet;

/** A child JVM main class that never ends by itself: stands for a hung scanner in the kill test. */
public final class SleepingChildMain {

    private SleepingChildMain() {
    }

    /**
     * Sleeps until killed.
     *
     * @param args ignored (the standard tool options)
     * @throws InterruptedException never in practice
     */
    public static void main(String[] args) throws InterruptedException {
        while (true) {
            Thread.sleep(60_000);
        }
    }
}

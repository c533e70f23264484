package dev.vulcan.sot.models;

/** How a model build or a data test ended. */
public enum RunStatus {
    /** Built, or the test returned no rows. */
    SUCCESS("success"),
    /** The test returned rows. */
    FAIL("fail"),
    /** The SQL failed. */
    ERROR("error"),
    /** Not run because a model it depends on failed or was skipped. */
    SKIPPED("skipped");

    private final String code;

    RunStatus(String code) {
        this.code = code;
    }

    /**
     * Returns the stable external code.
     *
     * @return the code
     */
    public String code() {
        return code;
    }
}

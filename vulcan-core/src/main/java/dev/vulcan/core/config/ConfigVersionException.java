package dev.vulcan.core.config;

/**
 * Thrown when a config file's schema_version has another MAJOR version than the tool supports. The message
 * names both versions and what to do.
 */
public final class ConfigVersionException extends InvalidConfigException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the file, the config's version and the supported version
     */
    public ConfigVersionException(String message) {
        super(message);
    }
}

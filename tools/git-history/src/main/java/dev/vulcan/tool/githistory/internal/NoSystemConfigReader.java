package dev.vulcan.tool.githistory.internal;

import java.io.File;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * A JGit {@link SystemReader} that gives JGit an empty system-wide git config, as {@code GIT_CONFIG_NOSYSTEM}
 * does for git. Installed by the tool's command line only: JGit otherwise finds the system config by running
 * {@code git --version} and {@code git config --system --show-origin --list} (two processes on the start-up path),
 * and the history then depends on the machine's {@code /etc/gitconfig}. The {@code git log} process the tool starts
 * ignores that file already ({@code GIT_CONFIG_NOSYSTEM=1}, {@link GitLog}), so both backends read the same
 * configuration. Everything else is JGit's default reader.
 */
public final class NoSystemConfigReader extends SystemReader.Delegate {

    /**
     * Wraps a reader.
     *
     * @param delegate the reader answering everything but the system config (usually JGit's default)
     * @throws NullPointerException if the reader is null
     */
    public NoSystemConfigReader(SystemReader delegate) {
        super(java.util.Objects.requireNonNull(delegate, "delegate"));
    }

    /**
     * Returns an empty config that is never outdated and loads nothing.
     *
     * @param parent the parent config
     * @param fs the file system
     * @return the empty config
     */
    @Override
    public FileBasedConfig openSystemConfig(Config parent, FS fs) {
        return new FileBasedConfig(parent, (File) null, fs) {
            @Override
            public void load() {
                // no system config
            }

            @Override
            public boolean isOutdated() {
                return false;
            }
        };
    }
}

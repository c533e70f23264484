package dev.vulcan.orchestrator.repo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link RepoResolver} clones over SSH ({@code ssh://} and scp-like {@code user@host:path} URLs) through JGit's
 * Apache MINA sshd transport, in batch mode, as {@code git} with OpenSSH would without a terminal:
 *
 * <ul>
 *   <li><b>keys</b>: the {@code IdentityFile}s of the matching {@code Host} entries of {@code <sshDirectory>/config},
 *       else the default key files {@code id_rsa}, {@code id_dsa}, {@code id_ecdsa}, {@code id_ed25519} (and their
 *       security-key variants) in {@code sshDirectory}. No SSH agent is consulted, and a passphrase-protected key
 *       cannot be unlocked (there is nobody to ask): such a key is skipped.</li>
 *   <li><b>host keys</b>: strict checking against {@code <sshDirectory>/known_hosts} (and {@code known_hosts2}, or
 *       the config's {@code UserKnownHostsFile}). An unknown or changed host key is refused, unless the config sets
 *       {@code StrictHostKeyChecking no} or {@code accept-new} for that host, which then behaves as in OpenSSH.</li>
 *   <li><b>no prompts</b>: no password, passphrase or "continue connecting?" question is ever asked; where OpenSSH
 *       would ask, the clone fails with JGit's message.</li>
 *   <li><b>time</b>: connecting, authenticating and every read of the transfer are bounded by {@code timeout}, so an
 *       unreachable or silent server fails instead of hanging.</li>
 * </ul>
 *
 * @param homeDirectory the user's home folder ({@code ~} in the SSH config), absolute
 * @param sshDirectory the folder of keys, {@code config} and {@code known_hosts}, absolute (normally {@code ~/.ssh})
 * @param timeout the bound on connecting and on each network read of a clone (any URL kind), at least one second
 */
public record SshSettings(Path homeDirectory, Path sshDirectory, Duration timeout) {

    /** The default network timeout of a clone. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Creates settings.
     *
     * @throws IllegalArgumentException if a folder is not absolute or the timeout is shorter than one second
     */
    public SshSettings {
        Objects.requireNonNull(homeDirectory, "homeDirectory");
        Objects.requireNonNull(sshDirectory, "sshDirectory");
        Objects.requireNonNull(timeout, "timeout");
        if (!homeDirectory.isAbsolute() || !sshDirectory.isAbsolute()) {
            throw new IllegalArgumentException("SSH folders must be absolute: " + homeDirectory + ", " + sshDirectory);
        }
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("clone timeout must be at least one second: " + timeout);
        }
        homeDirectory = homeDirectory.normalize();
        sshDirectory = sshDirectory.normalize();
    }

    /**
     * Returns the settings of the user running the JVM: {@code user.home}, {@code ~/.ssh} and
     * {@link #DEFAULT_TIMEOUT}.
     *
     * @return the settings
     */
    public static SshSettings ofCurrentUser() {
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath();
        return new SshSettings(home, home.resolve(".ssh"), DEFAULT_TIMEOUT);
    }

    /**
     * Returns the timeout in whole seconds, as JGit's transports take it.
     *
     * @return the timeout, at least 1
     */
    public int timeoutSeconds() {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toSeconds()));
    }
}
